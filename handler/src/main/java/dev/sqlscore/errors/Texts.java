package dev.sqlscore.errors;

/** Small helpers for putting caller-supplied names into error messages. */
public final class Texts {

    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /** A header value shortened for a message, control characters replaced, so a message stays one line. */
    public static String clip(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
