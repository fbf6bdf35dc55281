package dev.sqlscore.errors;

/** Anything but POST: Snowflake's asynchronous protocol (GET polls) is never started by this handler. */
public final class MethodNotAllowedException extends ProtocolException {

    public static final String CODE = "METHOD_NOT_ALLOWED";

    public MethodNotAllowedException(String message) {
        super(405, CODE, message);
    }
}
