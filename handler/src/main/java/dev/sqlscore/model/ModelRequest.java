package dev.sqlscore.model;

import java.util.Objects;

/**
 * One model invocation: one chunk of a Snowflake batch, already encoded.
 *
 * @param endpointName       SageMaker endpoint name
 * @param contentType        the body's media type, e.g. {@code text/csv}
 * @param accept             the media type asked of the model
 * @param targetModel        multi-model endpoint target, or null
 * @param targetVariant      production variant, or null
 * @param inferenceComponent inference component, or null
 * @param customAttributes   opaque attributes passed to the container, or null
 * @param body               the encoded rows; callers must not mutate it
 */
public record ModelRequest(
        String endpointName,
        String contentType,
        String accept,
        String targetModel,
        String targetVariant,
        String inferenceComponent,
        String customAttributes,
        byte[] body) {

    public ModelRequest {
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(body, "body");
    }

    /** Leaves the body out: it is row data. */
    @Override
    public String toString() {
        return "ModelRequest[endpointName=" + endpointName + ", contentType=" + contentType + ", accept=" + accept
                + ", bodyBytes=" + body.length + "]";
    }
}
