package dev.sqlscore.payload;

import dev.sqlscore.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's CSV answer (RFC 4180): one record per row; a record with one field is that value, with
 * several an array. Unquoted fields that are JSON numbers stay exact numbers, empty unquoted fields are
 * null, everything else is a string. A final line break (LF or CRLF) does not start a record.
 */
final class CsvReader {

    private CsvReader() {
    }

    static List<JsonValue> read(byte[] body) {
        return read(body, 16);
    }

    /** @param expectedRows how many records the body should hold: the list's first capacity */
    static List<JsonValue> read(byte[] body, int expectedRows) {
        List<JsonValue> rows = new ArrayList<>(Math.max(1, expectedRows));
        if (body.length == 1 && body[0] == '\n' || body.length == 2 && body[0] == '\r' && body[1] == '\n') {
            return rows;
        }
        if (!hasQuoteOrComma(body)) {
            return readOneFieldPerLine(body, rows);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        CsvRecordReader records = CsvRecordReader.lenient(new StringReader(text));
        for (List<CsvRecordReader.Field> fields = records.next(); fields != null; fields = records.next()) {
            if (fields.size() == 1) {
                rows.add(value(fields.get(0)));
            } else {
                List<JsonValue> values = new ArrayList<>(fields.size());
                fields.forEach(field -> values.add(value(field)));
                rows.add(new JsonValue.ArrayValue(values));
            }
        }
        return rows;
    }

    /**
     * The usual answer, one unquoted value per line: read as the record reader would read it (a blank line is a
     * NULL, a final line break starts no record), without its per-record lists and fields.
     */
    private static List<JsonValue> readOneFieldPerLine(byte[] body, List<JsonValue> rows) {
        int length = body.length;
        int start = 0;
        while (start < length) {
            int end = start;
            int bytesOr = 0;
            while (end < length && body[end] != '\n' && body[end] != '\r') {
                bytesOr |= body[end];
                end++;
            }
            // Line breaks are ASCII, and no UTF-8 sequence holds an ASCII byte: a line decodes as it would in the
            // whole body's text, and an ASCII one (every numeric answer) as it is, without a decoder.
            rows.add(unquoted(new String(body, start, end - start,
                    bytesOr >= 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)));
            start = end + (end + 1 < length && body[end] == '\r' && body[end + 1] == '\n' ? 2 : 1);
        }
        return rows;
    }

    private static boolean hasQuoteOrComma(byte[] body) {
        for (byte b : body) {
            if (b == '"' || b == ',') {
                return true;
            }
        }
        return false;
    }

    /** Unquoted JSON numbers (blanks around them allowed) stay exact numbers, empty unquoted fields are null. */
    private static JsonValue value(CsvRecordReader.Field field) {
        return field.quoted() ? new JsonValue.StringValue(field.text()) : unquoted(field.text());
    }

    private static JsonValue unquoted(String text) {
        if (text.isEmpty()) {
            return JsonValue.NULL;
        }
        String stripped = text.strip();
        return isJsonNumber(stripped) ? new JsonValue.NumberValue(stripped) : new JsonValue.StringValue(text);
    }

    /** JSON's number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isJsonNumber(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && text.charAt(i) == '-') {
            i++;
        }
        if (i < length && text.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start || text.charAt(start) == '0') {
                return false;
            }
        }
        if (i < length && text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
