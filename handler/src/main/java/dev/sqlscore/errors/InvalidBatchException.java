package dev.sqlscore.errors;

/** The request body is not a Snowflake batch: not JSON, corrupt gzip, or rows of the wrong shape. */
public final class InvalidBatchException extends ProtocolException {

    public static final String CODE = "INVALID_BATCH";

    public InvalidBatchException(String message) {
        super(400, CODE, message);
    }

    public InvalidBatchException(String message, Throwable cause) {
        super(400, CODE, message, cause);
    }
}
