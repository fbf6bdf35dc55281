package dev.sqlscore.local.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints one function value per line, in input order. */
public final class ResultWriter {

    /** How values are printed. */
    public enum Format {
        /** One CSV field per line: numbers and booleans as they are, strings quoted when needed, null empty,
         *  objects and arrays as their JSON text. */
        CSV,
        /** One JSON value per line (JSON Lines). */
        JSON
    }

    private ResultWriter() {
    }

    public static void write(List<JsonNode> values, Format format, PrintWriter out) {
        for (JsonNode value : values) {
            out.println(format == Format.JSON ? json(value) : csvField(value));
        }
        out.flush();
    }

    static String csvField(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isTextual() ? value.textValue() : value.isValueNode() ? value.asText() : json(value);
        boolean needsQuotes = text.isEmpty() && value.isTextual()
                || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String json(JsonNode value) {
        try {
            return LocalJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
