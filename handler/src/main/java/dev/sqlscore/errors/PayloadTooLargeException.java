package dev.sqlscore.errors;

/** A body, or a single row, is larger than a limit; the message names the limit and how to change it. */
public final class PayloadTooLargeException extends ProtocolException {

    public static final String CODE = "PAYLOAD_TOO_LARGE";

    public PayloadTooLargeException(String message) {
        super(413, CODE, message);
    }
}
