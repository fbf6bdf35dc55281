package dev.sqlscore.local.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.protocol.Gzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import dev.sqlscore.local.LocalJson;

/**
 * A stand-in Lambda for testing the local runtime on its own: answers each row with its argument, in reverse row
 * order (Snowflake allows any order), after failing the first {@code failures} calls with {@code failureStatus}.
 */
public final class EchoHandler implements RequestStreamHandler {

    public final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failureStatus;

    public EchoHandler() {
        this(0, 200);
    }

    public EchoHandler(int failures, int failureStatus) {
        this.failuresLeft = new AtomicInteger(failures);
        this.failureStatus = failureStatus;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = LocalJson.MAPPER.readTree(input);
        events.add(event);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("headers").put("Content-Type", "application/json");
        if (failuresLeft.getAndDecrement() > 0) {
            response.put("statusCode", failureStatus);
            response.put("body", "{\"error\":\"Throttled\",\"message\":\"slow down\"}");
        } else {
            byte[] body = event.get("isBase64Encoded").asBoolean()
                    ? Gzip.decompress(Base64.getDecoder().decode(event.get("body").asText()))
                    : event.get("body").asText().getBytes(StandardCharsets.UTF_8);
            JsonNode rows = LocalJson.MAPPER.readTree(body).get("data");
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
