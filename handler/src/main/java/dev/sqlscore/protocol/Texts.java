package dev.sqlscore.protocol;

/** Small helpers for putting caller-supplied names into error messages. */
final class Texts {

    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /** A header value shortened for a message, control characters replaced, so a message stays one line. */
    static String clip(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
