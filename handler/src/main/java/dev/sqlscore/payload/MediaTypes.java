package dev.sqlscore.payload;

import java.util.Locale;

/** Media type strings as HTTP sends them: any case, optional parameters. */
final class MediaTypes {

    private MediaTypes() {
    }

    /** {@code type/subtype} in lower case, parameters dropped; empty for null. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
