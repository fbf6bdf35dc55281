package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.BatchParser;
import dev.sqlscore.snowflake.HttpHeaders;
import dev.sqlscore.snowflake.RequestBody;
import dev.sqlscore.snowflake.SnowflakeHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Every limit on what a caller sends is answered with its own status and a message that names the limit and
 * what to change, before the model is called; a request just inside each limit is served.
 */
class InputLimitsTest {

    private final AtomicInteger modelCalls = new AtomicInteger();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final BatchScorer scorer = BatchScorer.builder().config(ScoringConfig.defaults())
            .invoker((request, timeout) -> {
                modelCalls.incrementAndGet();
                return new RowCountingModel().invoke(request, timeout);
            })
            .logSink(logLines::add).build();

    private static Map<String, String> snowflakeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-custom-sagemaker-endpoint-name", "churn-model");
        return headers;
    }

    private ScoringResponse score(Map<String, String> headers, byte[] body) {
        return scorer.score(new ScoringRequest("POST", HttpHeaders.ofSingle(headers), body, null));
    }

    private static byte[] rows(int count) {
        StringBuilder body = new StringBuilder(count * 8 + 16).append("{\"data\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "[" : ",[").append(i).append(",1]");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String rejected(ScoringResponse response, int status, String code) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        JsonNode error = SnowflakeAnswers.assertErrorBody(response.body());
        assertEquals(code, error.path("error").asText());
        assertEquals(0, modelCalls.get(), "rejected before any model call");
        assertEquals(status, SnowflakeAnswers.json(logLines.getLast().getBytes(StandardCharsets.UTF_8))
                .path("status").asInt());
        return error.path("message").asText();
    }

    @Test
    void aBodyOverTheSizeLimitIs413NamingTheLimitAndMaxBatchRows() {
        byte[] body = new byte[RequestBody.MAX_BYTES + 1];
        Arrays.fill(body, (byte) ' ');
        String message = rejected(score(snowflakeHeaders(), body), 413, "PAYLOAD_TOO_LARGE");
        assertTrue(message.contains(Integer.toString(RequestBody.MAX_BYTES)), message);
        assertTrue(message.contains("MAX_BATCH_ROWS"), message);
    }

    @Test
    void aGzipBodyThatInflatesPastTheLimitIs413WithoutInflatingIt() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= RequestBody.MAX_BYTES >> 20; i++) {
                gzip.write(spaces);
            }
        }
        assertTrue(bomb.size() < 200_000, "a small body: " + bomb.size());
        String message = rejected(score(snowflakeHeaders(), bomb.toByteArray()), 413, "PAYLOAD_TOO_LARGE");
        assertTrue(message.contains("decompressed") && message.contains(Integer.toString(RequestBody.MAX_BYTES)),
                message);
    }

    @Test
    void moreRowsThanTheLimitIs413NamingTheLimitAndMaxBatchRows() {
        String message = rejected(score(snowflakeHeaders(), rows(BatchParser.MAX_ROWS + 1)), 413,
                "PAYLOAD_TOO_LARGE");
        assertTrue(message.contains(BatchParser.MAX_ROWS + " rows"), message);
        assertTrue(message.contains("MAX_BATCH_ROWS"), message);
    }

    @Test
    void exactlyTheRowLimitIsServed() {
        byte[] body = rows(BatchParser.MAX_ROWS);
        ScoringResponse response = score(snowflakeHeaders(), body);
        SnowflakeAnswers.assertAnsweredOrRejected(response.statusCode(), response.body(), body);
        assertEquals(200, response.statusCode());
    }

    @Test
    void functionHeadersOverSnowflakesEightKilobytesAre400NamingTheLimit() {
        Map<String, String> headers = snowflakeHeaders();
        int used = "sagemaker-endpoint-name".length() + "churn-model".length() + "team".length();
        headers.put("sf-custom-team", "x".repeat(SnowflakeHeaders.MAX_CUSTOM_HEADER_CHARS - used));
        assertEquals(200, score(headers, rows(2)).statusCode(), "exactly at the limit");

        modelCalls.set(0);
        headers.put("sf-custom-team", "x".repeat(SnowflakeHeaders.MAX_CUSTOM_HEADER_CHARS - used + 1));
        String message = rejected(score(headers, rows(2)), 400, "INVALID_HEADER");
        assertTrue(message.contains(Integer.toString(SnowflakeHeaders.MAX_CUSTOM_HEADER_CHARS)), message);
        assertTrue(message.contains("HEADERS"), message);
    }

    @Test
    void allHeadersOverTheTotalLimitAre400NamingTheLimit() {
        Map<String, String> headers = snowflakeHeaders();
        for (int i = 0; headers.values().stream().mapToInt(String::length).sum() < SnowflakeHeaders.MAX_HEADER_CHARS;
             i++) {
            headers.put("x-forwarded-" + i, "y".repeat(1_000));
        }
        String message = rejected(score(headers, rows(2)), 400, "INVALID_HEADER");
        assertTrue(message.contains(Integer.toString(SnowflakeHeaders.MAX_HEADER_CHARS)), message);
    }
}
