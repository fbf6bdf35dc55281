package dev.sqlscore.errors;

/** A header, usually one of the external function's {@code HEADERS}, is missing, unknown or malformed. */
public final class InvalidHeaderException extends ProtocolException {

    public static final String CODE = "INVALID_HEADER";

    public InvalidHeaderException(String message) {
        super(400, CODE, message);
    }
}
