package dev.sqlscore.local.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.payload.CsvRecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns input into the argument of one external-function call per row, the way {@code F(ARRAY_CONSTRUCT(...))}
 * sends it, one row at a time (a file of any size is read in bounded memory): a CSV record becomes one JSON array
 * (numbers stay numbers with their exact text, an unquoted empty field is null, everything else a string); a JSON
 * line is taken as it is.
 */
public final class RowReader {

    /** How the input is written. */
    public enum Format {
        /** RFC 4180: one row per record; a quoted field is always a string. */
        CSV,
        /** JSON Lines: one JSON value per line, usually an array. */
        JSONL;

        /** By file name when it tells ({@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}), else content. */
        public static Format detect(String fileName, String start) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            String text = start.stripLeading();
            return text.startsWith("[") || text.startsWith("{") ? JSONL : CSV;
        }
    }

    /** One input row: the line it starts on, and the argument it becomes. */
    public record Row(int line, JsonNode argument) {

        /** Leaves the argument out: it is row data. */
        @Override
        public String toString() {
            return "Row[line=" + line + "]";
        }
    }

    /** JSON's number grammar: anything else (007, .5, 1,5) is sent as a string, as Snowflake would not parse it. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CsvRecordReader csv;
    private final BufferedReader lines;
    private int lineNumber;

    private RowReader(CsvRecordReader csv, BufferedReader lines) {
        this.csv = csv;
        this.lines = lines;
    }

    /**
     * @param skipHeader drop the first CSV record (a header line); ignored for JSON Lines
     */
    public static RowReader open(Reader input, Format format, boolean skipHeader) {
        Reader in = withoutByteOrderMark(input);
        RowReader reader = format == Format.CSV ? new RowReader(CsvRecordReader.strict(in), null)
                : new RowReader(null, in instanceof BufferedReader buffered ? buffered : new BufferedReader(in));
        if (skipHeader && format == Format.CSV) {
            reader.next();
        }
        return reader;
    }

    /**
     * The input without a leading UTF-8 byte-order mark, which Excel writes at the start of a CSV it saves: left in, it
     * would become part of the first field.
     */
    private static Reader withoutByteOrderMark(Reader in) {
        PushbackReader reader = new PushbackReader(in, 1);
        try {
            int first = reader.read();
            if (first != -1 && first != BYTE_ORDER_MARK) {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    /** Every row of a text (the demo's examples, tests). */
    public static List<JsonNode> read(String text, Format format, boolean skipHeader) {
        RowReader reader = open(new StringReader(text), format, skipHeader);
        List<JsonNode> rows = new ArrayList<>();
        for (Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row.argument());
        }
        return rows;
    }

    /**
     * @return the next row, or {@code null} at the end of the input
     * @throws InputFormatException naming the line that cannot be read and how to fix it
     * @throws UncheckedIOException when the input cannot be read
     */
    public Row next() {
        return csv != null ? nextCsv() : nextJsonLine();
    }

    private Row nextCsv() {
        List<CsvRecordReader.Field> record;
        try {
            record = csv.next();
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw new InputFormatException(e.line(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
        if (record == null) {
            return null;
        }
        ArrayNode row = JsonNodeFactory.instance.arrayNode(record.size());
        for (CsvRecordReader.Field field : record) {
            addField(row, field);
        }
        return new Row(csv.recordLine(), row);
    }

    private static void addField(ArrayNode row, CsvRecordReader.Field field) {
        String text = field.text();
        if (field.quoted()) {
            row.add(text);
        } else if (text.isEmpty()) {
            row.addNull();
        } else if (JSON_NUMBER.matcher(text).matches()) {
            // Raw text: a BigDecimal would turn 1e5 into 1E+5 and a double would round 0.1000000000000000055.
            row.addRawValue(new RawValue(text));
        } else {
            row.add(text);
        }
    }

    private Row nextJsonLine() {
        String line;
        try {
            do {
                line = lines.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            return null;
        }
        try {
            return new Row(lineNumber, LocalJson.MAPPER.readTree(line));
        } catch (JsonProcessingException e) {
            throw new InputFormatException(lineNumber, jsonProblem(e) + "; write one JSON value per line, usually an "
                    + "array, e.g. [1.5, \"a\", null]");
        }
    }

    /** Jackson's words, without its internals (bound types, feature names, source descriptions). */
    private static String jsonProblem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return "more than one JSON value on the line";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the JSON value is not complete (a missing ], } or \")";
        }
        return "not a JSON value (" + message.replaceAll("\\s*\\(bound as [^)]*\\)", "") + ")";
    }
}
