package dev.sqlscore.local.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records of fields: commas separate, double quotes enclose fields that hold commas,
 * quotes ({@code ""}) or line breaks, CRLF or LF end a record. Blank lines are skipped.
 */
final class CsvParser {

    /** One field's text, and whether it was quoted: a quoted field is always a string, never a number or null. */
    record Field(String text, boolean quoted) {
    }

    /** One record and the line it starts on, for error messages. */
    record Record(int line, List<Field> fields) {
    }

    private final String text;
    private int pos;
    private int line = 1;

    private CsvParser(String text) {
        this.text = text;
    }

    static List<Record> parse(String text) {
        return new CsvParser(text).records();
    }

    private List<Record> records() {
        List<Record> records = new ArrayList<>();
        while (pos < text.length()) {
            if (atLineEnd()) {
                skipLineEnd();
                continue;
            }
            int startLine = line;
            List<Field> fields = new ArrayList<>();
            while (true) {
                fields.add(field());
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                skipLineEnd();
                break;
            }
            records.add(new Record(startLine, List.copyOf(fields)));
        }
        return records;
    }

    private Field field() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quotedField();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
            if (text.charAt(pos) == '"') {
                throw new InputFormatException(line, "a quote inside an unquoted field; quote the whole field and "
                        + "double the quotes inside it (\"a \"\"b\"\" c\")");
            }
            pos++;
        }
        return new Field(text.substring(start, pos), false);
    }

    private Field quotedField() {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new InputFormatException(startLine, "a quoted field is never closed; add the closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
        if (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
            throw new InputFormatException(line, "text after a closing quote; put a comma after it");
        }
        return new Field(value.toString(), true);
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || c == '\r';
    }

    private void skipLineEnd() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
