package dev.sqlscore.local.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.local.LocalJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One POST's worth of rows, as Snowflake cuts a query's rows: {@code {"data": [[0, arg], [1, arg], ...]}} with
 * row numbers starting at 0 in every batch.
 *
 * @param index     the batch's place among all batches, from 0
 * @param firstRow  the input row its row 0 stands for
 * @param arguments one function argument per row
 */
public record SnowflakeBatch(int index, int firstRow, List<JsonNode> arguments) {

    public SnowflakeBatch {
        arguments = List.copyOf(arguments);
    }

    /** Cuts rows into batches of at most {@code maxRows}, in order. */
    public static List<SnowflakeBatch> split(List<JsonNode> rows, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        List<SnowflakeBatch> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += maxRows) {
            batches.add(new SnowflakeBatch(batches.size(), start,
                    rows.subList(start, Math.min(rows.size(), start + maxRows))));
        }
        return batches;
    }

    public int size() {
        return arguments.size();
    }

    /** {@code batch 3 (rows 3000..3999)}: which rows, counted from the first row sent, never what they hold. */
    public String describe() {
        return "batch " + index + " (rows " + firstRow + ".." + (firstRow + arguments.size() - 1) + ")";
    }

    /** The request body Snowflake would send. */
    public byte[] toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode data = body.putArray("data");
        for (int row = 0; row < arguments.size(); row++) {
            data.addArray().add(row).add(arguments.get(row));
        }
        try {
            return LocalJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the rows out: they are row data. */
    @Override
    public String toString() {
        return "SnowflakeBatch[index=" + index + ", firstRow=" + firstRow + ", rows=" + arguments.size() + "]";
    }
}
