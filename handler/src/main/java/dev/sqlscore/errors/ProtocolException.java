package dev.sqlscore.errors;

import java.util.Objects;

/**
 * A failure that becomes an error answer to Snowflake: an HTTP status Snowflake acts on (it retries 429 and
 * 5xx, fails the query at once on other 4xx) and a stable error code. The message is shown to SQL users: it
 * says what is wrong and how to fix it, and never carries row data.
 */
public abstract class ProtocolException extends RuntimeException {

    private final int httpStatus;
    private final String errorCode;

    protected ProtocolException(int httpStatus, String errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    protected ProtocolException(int httpStatus, String errorCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.httpStatus = httpStatus;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }
}
