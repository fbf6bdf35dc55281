package dev.sqlscore.local.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Lambda for testing the local runtime on its own: answers each row with its argument, in reverse row
 * order (Snowflake allows any order), after failing the first {@code failures} calls with {@code failureStatus}.
 */
public final class EchoHandler implements RequestStreamHandler {

    /** Decides, from a batch's rows, the status to answer it with (200: echo); may also block the batch. */
    @FunctionalInterface
    public interface BatchRule {
        int statusFor(JsonNode rows) throws InterruptedException;
    }

    public final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;
    private final BatchRule rule;

    public EchoHandler() {
        this(0, 200);
    }

    public EchoHandler(int failures, int failureStatus) {
        this(failures, failureStatus, rows -> 200);
    }

    /** Echoes every batch the rule answers 200, and answers the others with the rule's status. */
    public EchoHandler(BatchRule rule) {
        this(0, 200, rule);
    }

    private EchoHandler(int failures, int failureStatus, BatchRule rule) {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
        this.rule = rule;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = LocalJson.MAPPER.readTree(input);
        events.add(event);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("headers").put("Content-Type", "application/json");
        byte[] body = event.get("isBase64Encoded").asBoolean()
                ? Gzip.decompress(Base64.getDecoder().decode(event.get("body").asText()))
                : event.get("body").asText().getBytes(StandardCharsets.UTF_8);
        JsonNode rows = LocalJson.MAPPER.readTree(body).get("data");
        int ruled;
        try {
            ruled = rule.statusFor(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failuresLeft.getAndDecrement() > 0 || ruled != 200) {
            response.put("statusCode", ruled != 200 ? ruled : failureStatus);
            response.put("body", "{\"error\":\"Throttled\",\"message\":\"slow down\"}");
        } else {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode data = answer.putArray("data");
            for (int i = rows.size() - 1; i >= 0; i--) {
                data.addArray().add(rows.get(i).get(0)).add(rows.get(i).get(1));
            }
            response.put("statusCode", 200);
            response.put("body", LocalJson.MAPPER.writeValueAsString(answer));
        }
        output.write(LocalJson.MAPPER.writeValueAsBytes(response));
    }
}
