package dev.sqlscore.local.client;

/** A batch the external function did not answer with 200 and a well-formed body. */
public final class ExternalFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public ExternalFunctionException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public ExternalFunctionException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
    }

    /** The HTTP status that ended the batch, or 0 when there was no answer (connection refused, timeout). */
    public int statusCode() {
        return statusCode;
    }
}
