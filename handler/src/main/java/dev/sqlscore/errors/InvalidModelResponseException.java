package dev.sqlscore.errors;

/**
 * The model answered, but not with one value per row in a shape we can read. The same input gets the same
 * answer, so this is a 400 (Snowflake fails the query) rather than a 5xx it would retry.
 */
public final class InvalidModelResponseException extends ProtocolException {

    public static final String CODE = "MODEL_RESPONSE_INVALID";

    public InvalidModelResponseException(String message) {
        super(400, CODE, message);
    }

    public InvalidModelResponseException(String message, Throwable cause) {
        super(400, CODE, message, cause);
    }
}
