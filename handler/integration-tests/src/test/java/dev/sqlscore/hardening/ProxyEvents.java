package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** API Gateway REST proxy events (payload 1.0) made from {@link RawRequest}s, and the handler's responses. */
final class ProxyEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyEvents() {
    }

    /** An event and the body bytes the handler should see once it has read it. */
    record Event(byte[] json, byte[] body) {
    }

    /** A proxy response: its status and its body's bytes. */
    record Response(int status, byte[] body) {
    }

    /**
     * As API Gateway builds it: every header in {@code multiValueHeaders}, the last value of each in
     * {@code headers}; a body marked {@code base64} is base64 with {@code isBase64Encoded}, others are text.
     */
    static Event of(RawRequest raw) {
        ObjectNode event = JSON.createObjectNode().put("resource", "/score").put("path", "/score")
                .put("httpMethod", raw.method());
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (Map.Entry<String, List<String>> header : raw.headers().entrySet()) {
            single.put(header.getKey(), header.getValue().getLast());
            header.getValue().forEach(multi.putArray(header.getKey())::add);
        }
        event.putObject("requestContext").put("stage", "live").putObject("identity")
                .put("userArn", "arn:aws:sts::123456789012:assumed-role/sqlscore-snowflake/snowflake");
        byte[] sent = raw.sentBody();
        byte[] received;
        if (raw.base64()) {
            event.put("body", Base64.getEncoder().encodeToString(sent)).put("isBase64Encoded", true);
            received = sent;
        } else {
            String text = new String(sent, StandardCharsets.UTF_8);
            event.put("body", text).put("isBase64Encoded", false);
            received = text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return new Event(JSON.writeValueAsBytes(event), received);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one event; the handler must not throw, and must answer with a well-formed proxy response. */
    static Response call(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new AssertionError("handleRequest threw", e);
        }
        JsonNode response = SnowflakeAnswers.json(out.toByteArray());
        assertTrue(response.path("statusCode").isInt(), response.toString());
        assertEquals("application/json", response.path("headers").path("Content-Type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true), "a text body");
        assertTrue(response.path("body").isTextual(), response.toString());
        return new Response(response.path("statusCode").asInt(),
                response.path("body").asText().getBytes(StandardCharsets.UTF_8));
    }
}
