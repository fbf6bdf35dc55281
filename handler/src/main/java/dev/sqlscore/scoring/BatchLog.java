package dev.sqlscore.scoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sqlscore.protocol.HttpHeaders;
import dev.sqlscore.protocol.SnowflakeHeaders;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one structured log line a batch leaves: who asked (Snowflake's query and batch ids, the function),
 * what it cost, how it ended. It holds counts, ids and names only: never row data, never other header values.
 * Filled in by one thread as the batch progresses.
 */
final class BatchLog {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ID_CHARS = 256;

    private final String queryId;
    private final String batchId;
    private final String functionName;
    private final long bytesIn;
    String endpoint;
    int rows;
    int chunks;
    long bytesOut;
    long modelMillis = -1;
    long totalMillis;
    int status;
    String errorCode;
    String errorId;
    String exception;

    BatchLog(HttpHeaders headers, long bytesIn) {
        this.queryId = id(headers, SnowflakeHeaders.QUERY_ID);
        this.batchId = id(headers, SnowflakeHeaders.BATCH_ID);
        this.functionName = id(headers, SnowflakeHeaders.FUNCTION_NAME);
        this.bytesIn = bytesIn;
    }

    private static String id(HttpHeaders headers, String name) {
        return headers.first(name).map(v -> v.length() > MAX_ID_CHARS ? v.substring(0, MAX_ID_CHARS) : v).orElse(null);
    }

    /**
     * Fields: {@code queryId, batchId, function, endpoint, rows, chunks, bytesIn, bytesOut, modelMs} (wall time
     * from the first model call's start to the last one's end; absent when no call was made), {@code totalMs,
     * status, error} (error code, absent on success), {@code errorId} and {@code exception} (class name) for
     * internal errors.
     */
    String toJson() {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("event", "sqlscore.batch");
            optional(json, "queryId", queryId);
            optional(json, "batchId", batchId);
            optional(json, "function", functionName);
            optional(json, "endpoint", endpoint);
            json.writeNumberField("rows", rows);
            json.writeNumberField("chunks", chunks);
            json.writeNumberField("bytesIn", bytesIn);
            json.writeNumberField("bytesOut", bytesOut);
            if (modelMillis >= 0) {
                json.writeNumberField("modelMs", modelMillis);
            }
            json.writeNumberField("totalMs", totalMillis);
            json.writeNumberField("status", status);
            optional(json, "error", errorCode);
            optional(json, "errorId", errorId);
            optional(json, "exception", exception);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
