package dev.sqlscore.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.protocol.HttpHeaders;
import dev.sqlscore.scoring.ScoringRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an API Gateway REST proxy event (payload 1.0): {@code httpMethod}, {@code headers},
 * {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}. Nothing else of the event is used.
 */
final class ProxyEvent {

    private ProxyEvent() {
    }

    /**
     * @param timeRemaining what Lambda leaves this invocation, or null for no limit
     * @throws MalformedEventException saying which field is wrong; never quoting the event's content
     */
    static ScoringRequest read(ObjectMapper json, InputStream event, Duration timeRemaining)
            throws MalformedEventException {
        JsonNode root;
        try {
            root = json.readTree(event);
        } catch (JsonProcessingException e) {
            // Jackson's own message can quote the input (row data): give the position only.
            throw new MalformedEventException("is not valid JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedEventException("could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("is not a JSON object");
        }
        JsonNode method = root.get("httpMethod");
        if (method == null || !method.isTextual() || method.asText().isBlank()) {
            throw new MalformedEventException("has no httpMethod");
        }
        return new ScoringRequest(method.asText(), headers(root), body(root), timeRemaining);
    }

    /**
     * API Gateway sends every header in {@code multiValueHeaders} and the last value of each in {@code headers};
     * either may be null. Names are kept as sent: {@link HttpHeaders} looks them up in any case.
     */
    private static HttpHeaders headers(JsonNode root) throws MalformedEventException {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode multi = object(root, "multiValueHeaders");
        if (multi != null) {
            for (Map.Entry<String, JsonNode> header : multi.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (header.getValue().isArray()) {
                    header.getValue().forEach(value -> addText(values, value));
                } else {
                    addText(values, header.getValue());
                }
            }
        }
        JsonNode single = object(root, "headers");
        if (single != null) {
            for (Map.Entry<String, JsonNode> header : single.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (values.isEmpty()) {
                    addText(values, header.getValue());
                }
            }
        }
        return HttpHeaders.ofMulti(merged);
    }

    private static void addText(List<String> values, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            values.add(value.asText());
        }
    }

    private static JsonNode object(JsonNode root, String field) throws MalformedEventException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedEventException("has a " + field + " field that is not a JSON object");
        }
        return node;
    }

    /** The body as sent, base64 undone; it may still be gzip, which the scorer handles. */
    private static byte[] body(JsonNode root) throws MalformedEventException {
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedEventException("has a body that is not a JSON string");
        }
        JsonNode base64 = root.get("isBase64Encoded");
        if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
            throw new MalformedEventException("has an isBase64Encoded field that is not true or false");
        }
        if (base64 != null && base64.asBoolean()) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("says isBase64Encoded but its body is not valid base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }
}
