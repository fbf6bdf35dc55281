package dev.sqlscore.payload;

import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.json.JsonValue;
import java.util.List;

/**
 * Writes a row as one RFC 4180 record. Models that read CSV parse every field as a number, so values are
 * written the way such parsers expect: booleans as {@code 1}/{@code 0}, NULL as an empty field, numbers as
 * their exact text. Strings and nested values (as their JSON text) are quoted only when they must be.
 */
final class CsvWriter {

    private CsvWriter() {
    }

    static void writeField(JsonValue value, ByteBuilder out) {
        switch (value) {
            case JsonValue.NullValue ignored -> { }
            case JsonValue.BooleanValue b -> out.append((byte) (b.value() ? '1' : '0'));
            case JsonValue.NumberValue n -> out.appendAscii(n.text());
            // An empty string is quoted so that it stays distinct from NULL, which is an empty field.
            case JsonValue.StringValue s -> writeText(s.value(), s.value().isEmpty(), out);
            // Nested values go as their JSON text, always quoted so that a reader sees one field.
            case JsonValue.ArrayValue a -> writeText(a.toJson(), true, out);
            case JsonValue.ObjectValue o -> writeText(o.toJson(), true, out);
        }
    }

    private static void writeText(String text, boolean alwaysQuote, ByteBuilder out) {
        if (!alwaysQuote && !needsQuotes(text)) {
            out.appendUtf8(text);
            return;
        }
        out.append((byte) '"');
        int start = 0;
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', start)) {
            out.appendUtf8(text.substring(start, quote + 1)).append((byte) '"');
            start = quote + 1;
        }
        out.appendUtf8(text.substring(start)).append((byte) '"');
    }

    static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
