package dev.sqlscore.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sqlscore.local.LocalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What API Gateway sends back for a Lambda proxy integration: the handler's {@code statusCode},
 * {@code headers} merged with {@code multiValueHeaders}, and its {@code body} (base64-decoded when
 * {@code isBase64Encoded}); or one of the gateway's own {@code {"message": ...}} errors.
 */
record GatewayResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /**
     * Reads the handler's output.
     *
     * @throws IllegalArgumentException when API Gateway would reject it (it answers 502 then)
     */
    static GatewayResponse parse(byte[] handlerOutput) {
        JsonNode root;
        try {
            root = LocalJson.MAPPER.readTree(handlerOutput);
        } catch (IOException e) {
            throw new IllegalArgumentException("the output is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("statusCode").canConvertToInt()) {
            throw new IllegalArgumentException("the output has no integer statusCode");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        root.path("headers").properties().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                .add(h.getValue().asText()));
        root.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(v -> {
            List<String> values = headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>());
            if (!values.contains(v.asText())) {
                values.add(v.asText());
            }
        }));
        JsonNode body = root.path("body");
        byte[] bytes;
        if (body.isMissingNode() || body.isNull()) {
            bytes = new byte[0];
        } else if (!body.isTextual()) {
            throw new IllegalArgumentException("body is not a string");
        } else if (root.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body.textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("isBase64Encoded is true but the body is not base64");
            }
        } else {
            bytes = body.textValue().getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(root.get("statusCode").asInt(), headers, bytes);
    }

    /** An answer API Gateway gives on its own, without the handler's say. */
    static GatewayResponse gatewayError(int statusCode, String message) {
        byte[] body;
        try {
            body = LocalJson.MAPPER.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("message", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GatewayResponse(statusCode, Map.of("Content-Type", List.of("application/json")), body);
    }
}
