package dev.sqlscore.local.client;

/** Input rows that cannot be read, with the line to look at. */
public final class InputFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
    }
}
