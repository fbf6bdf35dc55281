package dev.sqlscore.local.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import dev.sqlscore.local.LocalJson;

/**
 * Turns input text into the argument of one external-function call per row, the way
 * {@code F(ARRAY_CONSTRUCT(...))} sends it: a CSV line becomes one JSON array (numbers stay numbers with their
 * exact text, an unquoted empty field is null, everything else a string); a JSON line is taken as it is.
 */
public final class RowReader {

    /** How the input is written. */
    public enum Format {
        /** RFC 4180: one row per record; a quoted field is always a string. */
        CSV,
        /** JSON Lines: one JSON value per line, usually an array. */
        JSONL;

        /** By file name when it tells ({@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}), else content. */
        public static Format detect(String fileName, String text) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            String start = text.stripLeading();
            return start.startsWith("[") || start.startsWith("{") ? JSONL : CSV;
        }
    }

    /** JSON's number grammar: anything else (007, .5, 1,5) is sent as a string, as Snowflake would not parse it. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private RowReader() {
    }

    /**
     * Reads every row.
     *
     * @param skipHeader drop the first CSV record (a header line); ignored for JSON Lines
     * @throws InputFormatException naming the line that cannot be read
     */
    public static List<JsonNode> read(String text, Format format, boolean skipHeader) {
        return format == Format.CSV ? readCsv(text, skipHeader) : readJsonLines(text);
    }

    private static List<JsonNode> readCsv(String text, boolean skipHeader) {
        List<CsvParser.Record> records = CsvParser.parse(text);
        List<JsonNode> rows = new ArrayList<>(records.size());
        int first = skipHeader && !records.isEmpty() ? 1 : 0;
        for (CsvParser.Record record : records.subList(first, records.size())) {
            ArrayNode row = JsonNodeFactory.instance.arrayNode(record.fields().size());
            for (CsvParser.Field field : record.fields()) {
                addField(row, field);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void addField(ArrayNode row, CsvParser.Field field) {
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

    private static List<JsonNode> readJsonLines(String text) {
        List<JsonNode> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(LocalJson.MAPPER.readTree(lines[i]));
            } catch (JsonProcessingException e) {
                throw new InputFormatException(i + 1, "not a JSON value (" + e.getOriginalMessage()
                        + "); write one JSON array per line, e.g. [1.5, \"a\", null]");
            }
        }
        return rows;
    }
}
