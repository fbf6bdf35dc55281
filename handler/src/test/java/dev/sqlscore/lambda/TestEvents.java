package dev.sqlscore.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** API Gateway REST proxy events (payload 1.0) for tests and the benchmark, from files or built. */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** An event file from {@code src/test/resources/events}. */
    static byte[] file(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Snowflake's headers for a function calling {@code endpoint} with rows as {@code contentType}. */
    static Map<String, String> snowflakeHeaders(String endpoint, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-current-query-id", "01b8a1c2-query");
        headers.put("sf-external-function-query-batch-id", "01b8a1c2-query:1:1:0:0");
        headers.put("sf-external-function-name", "SAGEMAKER_INVOKE");
        headers.put("sf-custom-sagemaker-endpoint-name", endpoint);
        headers.put("sf-custom-sagemaker-content-type", contentType);
        return headers;
    }

    /**
     * {@code {"data": [[i, [f0, ..., f12]], ...]}}: the churn example's shape (13 features, about 100 bytes a row
     * as JSON); row i's first feature is i.
     */
    static byte[] churnBatch(int rows) {
        StringBuilder batch = new StringBuilder(rows * 110).append("{\"data\":[");
        for (int row = 0; row < rows; row++) {
            batch.append(row == 0 ? "[" : ",[").append(row).append(",[").append(row);
            for (int feature = 1; feature < 13; feature++) {
                batch.append(',');
                if (feature % 4 == 0) {
                    batch.append(row % 2);
                } else {
                    batch.append(Math.round(Math.sin(row * 0.37 + feature) * 100_000) / 100_000.0);
                }
            }
            batch.append("]]");
        }
        return batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A POST event; with {@code gzipBase64} the body travels gzip-compressed and base64-encoded. */
    static byte[] post(Map<String, String> headers, byte[] body, boolean gzipBase64) {
        ObjectNode event = JSON.createObjectNode().put("resource", "/sagemaker-invoke")
                .put("path", "/sagemaker-invoke").put("httpMethod", "POST");
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, value) -> {
            single.put(name, value);
            multi.putArray(name).add(value);
        });
        event.putObject("requestContext").put("stage", "live").putObject("identity")
                .put("userArn", "arn:aws:sts::000000000000:assumed-role/sqlscore-snowflake/snowflake");
        if (gzipBase64) {
            single.put("Content-Encoding", "gzip");
            event.put("body", Base64.getEncoder().encodeToString(Gzip.compress(body))).put("isBase64Encoded", true);
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
        }
        return bytes(event);
    }

    /**
     * A POST of {@code body} as API Gateway delivers Snowflake's call, with all a real event carries around it:
     * {@code snowflake-batch.json}'s 28 headers in both maps and its request context, the function's own headers
     * ({@code sf-custom-*}) being those of a function calling {@code endpoint} with rows as {@code contentType}.
     */
    static byte[] gatewayPost(String endpoint, String contentType, byte[] body) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(file("snowflake-batch.json"));
            for (String field : List.of("headers", "multiValueHeaders")) {
                ObjectNode headers = (ObjectNode) event.get(field);
                List<String> custom = new ArrayList<>();
                headers.fieldNames().forEachRemaining(name -> {
                    if (name.toLowerCase(Locale.ROOT).startsWith("sf-custom-")) {
                        custom.add(name);
                    }
                });
                headers.remove(custom);
                Map<String, String> function = Map.of("sf-custom-sagemaker-endpoint-name", endpoint,
                        "sf-custom-sagemaker-content-type", contentType);
                function.forEach((name, value) -> {
                    if (field.equals("headers")) {
                        headers.put(name, value);
                    } else {
                        headers.putArray(name).add(value);
                    }
                });
            }
            event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
            return bytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy response, and its body parsed. */
    record Answer(JsonNode response, JsonNode body) {
        int status() {
            return response.get("statusCode").asInt();
        }

        String error() {
            return body.path("error").asText();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    static Answer answer(byte[] proxyResponse) {
        try {
            JsonNode response = JSON.readTree(proxyResponse);
            return new Answer(response, JSON.readTree(response.get("body").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
