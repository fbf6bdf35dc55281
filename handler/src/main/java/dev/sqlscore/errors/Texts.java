package dev.sqlscore.errors;

/** Small helpers for putting caller-supplied names into error messages. */
public final class Texts {

    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /** A header value shortened for a message, control characters replaced, so a message stays one line. */
    public static String clip(String value) {
        return clip(value, MAX_QUOTED);
    }

    /** {@code value} cut after {@code max} characters (marked "..."), control characters replaced: one line. */
    public static String clip(String value, int max) {
        String shown = value.length() > max ? value.substring(0, max) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
