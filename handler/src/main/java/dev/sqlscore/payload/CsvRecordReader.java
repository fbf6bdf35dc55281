package dev.sqlscore.payload;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records, one at a time, from a stream: commas separate fields, double quotes enclose fields that hold
 * commas, quotes ({@code ""}) or line breaks, and CRLF, LF or CR end a record. A final line break does not start a
 * record. The one CSV tokenizer of the project: a model's CSV answer is read {@linkplain #lenient leniently} (a
 * model's text is what it is), a user's input file {@linkplain #strict strictly}, naming the line at fault.
 */
public final class CsvRecordReader {

    /** One field's text, and whether it was quoted: a quoted field is always a string, never a number or null. */
    public record Field(String text, boolean quoted) {
    }

    /** A record that breaks RFC 4180, with the line it is on (from 1). */
    public static final class MalformedCsvException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int line;

        MalformedCsvException(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final int BUFFER_CHARS = 8192;
    private static final int END = -1;

    private final Reader in;
    private final boolean strict;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;

    private CsvRecordReader(Reader in, boolean strict) {
        this.in = in;
        this.strict = strict;
    }

    /**
     * As a model's answer is read: a quote inside an unquoted field is text, text after a closing quote is kept,
     * an unclosed quote runs to the end, and an empty line is a record of one empty field.
     */
    public static CsvRecordReader lenient(Reader in) {
        return new CsvRecordReader(in, false);
    }

    /**
     * As an input file is read: blank lines are skipped, and a stray quote, text after a closing quote or an
     * unclosed quote is a {@link MalformedCsvException} that says how to fix it.
     */
    public static CsvRecordReader strict(Reader in) {
        return new CsvRecordReader(in, true);
    }

    /**
     * @return the next record's fields, or {@code null} at the end
     * @throws MalformedCsvException (strict only) for a record that breaks RFC 4180
     * @throws UncheckedIOException when the stream cannot be read
     */
    public List<Field> next() {
        if (strict) {
            while (peek() == '\r' || peek() == '\n') {
                skipLineEnd();
            }
        }
        if (peek() == END) {
            return null;
        }
        recordLine = line;
        List<Field> fields = new ArrayList<>(4);
        while (true) {
            fields.add(peek() == '"' ? quoted() : plain());
            int c = peek();
            if (c == ',') {
                position++;
                continue;
            }
            skipLineEnd();
            return fields;
        }
    }

    /** The line the record {@link #next()} last returned starts on. */
    public int recordLine() {
        return recordLine;
    }

    private Field plain() {
        // Most fields lie within the buffer: make the string from it directly, without a builder.
        int start = position;
        while (position < limit) {
            char c = buffer[position];
            if (c == ',' || c == '\r' || c == '\n') {
                return new Field(new String(buffer, start, position - start), false);
            }
            if (c == '"' && strict) {
                break;
            }
            position++;
        }
        StringBuilder text = new StringBuilder().append(buffer, start, position - start);
        for (int c = peek(); c != END && c != ',' && c != '\r' && c != '\n'; c = peek()) {
            if (c == '"' && strict) {
                throw new MalformedCsvException(line, "a quote inside an unquoted field; quote the whole field and "
                        + "double the quotes inside it (\"a \"\"b\"\" c\")");
            }
            text.append((char) c);
            position++;
        }
        return new Field(text.toString(), false);
    }

    private Field quoted() {
        int startLine = line;
        StringBuilder text = new StringBuilder();
        position++;
        while (true) {
            int c = peek();
            if (c == END) {
                if (strict) {
                    throw new MalformedCsvException(startLine, "a quoted field is never closed; add the closing "
                            + "quote");
                }
                return new Field(text.toString(), true);
            }
            position++;
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                position++;
            } else if (c == '\n' || c == '\r' && peek() != '\n') {
                line++;
            }
            text.append((char) c);
        }
        for (int c = peek(); c != END && c != ',' && c != '\r' && c != '\n'; c = peek()) {
            if (strict) {
                throw new MalformedCsvException(line, "text after a closing quote; put a comma after it");
            }
            text.append((char) c);
            position++;
        }
        return new Field(text.toString(), true);
    }

    private void skipLineEnd() {
        int c = peek();
        if (c == '\r') {
            position++;
            if (peek() == '\n') {
                position++;
            }
            line++;
        } else if (c == '\n') {
            position++;
            line++;
        }
    }

    private int peek() {
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return END;
            }
        }
        return buffer[position];
    }
}
