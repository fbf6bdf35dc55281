package dev.sqlscore.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a model's CSV answer (RFC 4180): one record per row; a record with one field is that value, with
 * several an array. Unquoted fields that are JSON numbers stay exact numbers, empty unquoted fields are
 * null, everything else is a string. A final line break (LF or CRLF) does not start a record.
 */
final class CsvReader {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final String text;
    private int position;

    private CsvReader(String text) {
        this.text = text;
    }

    static List<JsonValue> read(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<JsonValue> rows = new ArrayList<>();
        if (text.isEmpty()) {
            return rows;
        }
        CsvReader reader = new CsvReader(text);
        while (reader.position <= text.length()) {
            List<JsonValue> fields = reader.readRecord();
            rows.add(fields.size() == 1 ? fields.get(0) : new JsonValue.ArrayValue(fields));
        }
        return rows;
    }

    /** Reads fields up to the end of a record, leaving {@code position} past its line break (or past the end). */
    private List<JsonValue> readRecord() {
        List<JsonValue> fields = new ArrayList<>();
        while (true) {
            fields.add(text.startsWith("\"", position) ? readQuoted() : readPlain());
            if (position >= text.length()) {
                position = text.length() + 1;
                return fields;
            }
            char delimiter = text.charAt(position++);
            if (delimiter == '\r' && text.startsWith("\n", position)) {
                position++;
                return fields;
            }
            if (delimiter != ',') {
                return fields;
            }
        }
    }

    private JsonValue readPlain() {
        int start = position;
        while (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
            position++;
        }
        String field = text.substring(start, position);
        if (field.isEmpty()) {
            return JsonValue.NULL;
        }
        String stripped = field.strip();
        return JSON_NUMBER.matcher(stripped).matches() ? new JsonValue.NumberValue(stripped)
                : new JsonValue.StringValue(field);
    }

    /** A quoted field: {@code ""} inside stands for one quote; text after the closing quote is kept too. */
    private JsonValue readQuoted() {
        StringBuilder field = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != '"') {
                field.append(c);
            } else if (text.startsWith("\"", position)) {
                field.append('"');
                position++;
            } else {
                break;
            }
        }
        int start = position;
        while (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
            position++;
        }
        return new JsonValue.StringValue(field.append(text, start, position).toString());
    }
}
