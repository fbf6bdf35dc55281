package dev.sqlscore.modelserver;

import dev.sqlscore.protocol.HttpHeaders;
import java.util.Objects;

/**
 * One {@code InvokeEndpoint} request as the local model server received it, after authentication and routing.
 *
 * @param endpointName       from the path {@code /endpoints/{EndpointName}/invocations}
 * @param contentType        the {@code Content-Type} header
 * @param accept             the {@code Accept} header
 * @param targetModel        {@code X-Amzn-SageMaker-Target-Model}, or null
 * @param targetVariant      {@code X-Amzn-SageMaker-Target-Variant}, or null
 * @param inferenceComponent {@code X-Amzn-SageMaker-Inference-Component}, or null
 * @param customAttributes   {@code X-Amzn-SageMaker-Custom-Attributes}, or null
 * @param headers            every request header, for tests that check signing
 * @param body               the request body; callers must not mutate it
 */
public record Invocation(
        String endpointName,
        String contentType,
        String accept,
        String targetModel,
        String targetVariant,
        String inferenceComponent,
        String customAttributes,
        HttpHeaders headers,
        byte[] body) {

    public Invocation {
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** Leaves the body and header values out: they are row data and credentials. */
    @Override
    public String toString() {
        return "Invocation[endpointName=" + endpointName + ", contentType=" + contentType + ", accept=" + accept
                + ", bodyBytes=" + body.length + "]";
    }
}
