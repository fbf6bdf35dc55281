package dev.sqlscore.sagemaker;

import dev.sqlscore.model.ModelRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an {@code InvokeEndpoint} call looks on the wire (SageMaker runtime, restJson1): {@code POST
 * /endpoints/{EndpointName}/invocations}, the body as is, the settings in headers. For code that receives such
 * calls: the local model server, and the in-memory client that primes SnapStart.
 */
public final class InvokeEndpointWire {

    private static final Pattern PATH = Pattern.compile("/endpoints/([^/]+)/invocations");

    private InvokeEndpointWire() {
    }

    /** The endpoint a request path names, or empty when it is not an {@code InvokeEndpoint} path. */
    public static Optional<String> endpointName(String path) {
        Matcher matcher = PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * @param header a request header's value by name, in any case
     * @throws IllegalArgumentException when {@code Content-Type} or {@code Accept} is missing
     */
    public static ModelRequest request(String endpointName, Function<String, Optional<String>> header, byte[] body) {
        return new ModelRequest(endpointName, required(header, "Content-Type"), required(header, "Accept"),
                header.apply("X-Amzn-SageMaker-Target-Model").orElse(null),
                header.apply("X-Amzn-SageMaker-Target-Variant").orElse(null),
                header.apply("X-Amzn-SageMaker-Inference-Component").orElse(null),
                header.apply("X-Amzn-SageMaker-Custom-Attributes").orElse(null), body);
    }

    private static String required(Function<String, Optional<String>> header, String name) {
        return header.apply(name).orElseThrow(() -> new IllegalArgumentException("no " + name + " header"));
    }
}
