package dev.sqlscore.model;

import java.util.Objects;

/**
 * A model call that did not produce an answer, classified by what Snowflake should do about it.
 *
 * <p>The message is shown to SQL users: it must say what went wrong and what to change, and it must never
 * carry row data (a container's own error text can echo its input, so callers quote only status codes,
 * error codes and log locations from it).
 */
public final class ModelInvocationException extends RuntimeException {

    /** Why a model call failed; each maps to the HTTP status Snowflake acts on. */
    public enum Failure {
        /** SageMaker or the container throttled us: Snowflake retries and slows down. */
        THROTTLED(429),
        /** Endpoint updating, model loading, service unavailable, a container 5xx: Snowflake retries. */
        UNAVAILABLE(503),
        /** The call ran out of time (the batch deadline): Snowflake retries. */
        TIMED_OUT(504),
        /** The container rejected the input (its own 4xx): retrying cannot help. */
        MODEL_REJECTED_INPUT(400),
        /** SageMaker refused the request (unknown endpoint, bad header value, body too large). */
        INVALID_REQUEST(400),
        /** The function's IAM role may not invoke this endpoint. */
        ACCESS_DENIED(403);

        private final int httpStatus;

        Failure(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Failure failure;

    public ModelInvocationException(Failure failure, String message) {
        this(failure, message, null);
    }

    public ModelInvocationException(Failure failure, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }
}
