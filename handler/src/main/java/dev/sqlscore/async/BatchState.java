package dev.sqlscore.async;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a started asynchronous batch leaves in the store, so that a poll (which carries no rows) can answer: the
 * rows' numbers in order, which of them had no input (answered NULL without the model), and for each chunk its row
 * count and where its answer or error document will appear. Numbers and locations only: no row data.
 *
 * @param createdAtMillis when the batch was started, for the time it took
 * @param rowNumbers      Snowflake's row numbers, in the order of the batch
 * @param noInput         indexes (into {@code rowNumbers}) of rows answered NULL without the model
 * @param chunks          the model requests, in row order
 */
public record BatchState(long createdAtMillis, long[] rowNumbers, int[] noInput, List<Chunk> chunks) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    /** One queued model request: how many rows it carries, and where its outcome will be. */
    public record Chunk(int rows, S3Location output, S3Location failure) {
    }

    public BatchState {
        chunks = List.copyOf(chunks);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("createdAt", createdAtMillis);
        ArrayNode numbers = root.putArray("rowNumbers");
        for (long number : rowNumbers) {
            numbers.add(number);
        }
        ArrayNode empty = root.putArray("noInput");
        for (int index : noInput) {
            empty.add(index);
        }
        ArrayNode list = root.putArray("chunks");
        for (Chunk chunk : chunks) {
            ObjectNode node = list.addObject().put("rows", chunk.rows()).put("output", chunk.output().uri());
            if (chunk.failure() != null) {
                node.put("failure", chunk.failure().uri());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalStateException when the document is not one this version wrote */
    public static BatchState fromJson(byte[] json) {
        try {
            JsonNode root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (root.path("version").asInt() != VERSION) {
                throw new IllegalStateException("unknown batch state version " + root.path("version"));
            }
            long[] numbers = new long[root.get("rowNumbers").size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = root.get("rowNumbers").get(i).asLong();
            }
            int[] empty = new int[root.get("noInput").size()];
            for (int i = 0; i < empty.length; i++) {
                empty[i] = root.get("noInput").get(i).asInt();
            }
            List<Chunk> chunks = new ArrayList<>();
            for (JsonNode chunk : root.get("chunks")) {
                chunks.add(new Chunk(chunk.get("rows").asInt(), S3Location.parse(chunk.get("output").asText()),
                        chunk.hasNonNull("failure") ? S3Location.parse(chunk.get("failure").asText()) : null));
            }
            return new BatchState(root.get("createdAt").asLong(), numbers, empty, chunks);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable batch state: " + e.getMessage(), e);
        }
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "BatchState[rows=" + rowNumbers.length + ", chunks=" + chunks.size() + "]";
    }
}
