package dev.sqlscore.modelserver;

import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.snowflake.HttpHeaders;
import java.util.Objects;

/**
 * One {@code InvokeEndpoint} request as the local model server received it, after authentication and routing.
 *
 * @param request what was asked: the endpoint from the path, {@code Content-Type}, {@code Accept}, the
 *                {@code X-Amzn-SageMaker-*} headers and the body
 * @param headers every request header, for tests that check signing
 */
public record Invocation(ModelRequest request, HttpHeaders headers) {

    public Invocation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
    }

    /** Leaves header values out: they hold credentials. */
    @Override
    public String toString() {
        return "Invocation[" + request + "]";
    }
}
