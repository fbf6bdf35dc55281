package dev.sqlscore.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.modelserver.TestModels;
import dev.sqlscore.scoring.ScoringConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sagemaker-on-row-error = null} end to end: the Lambda handler, the real AWS SDK and a SageMaker-protocol model
 * server on loopback whose container refuses any request holding a malformed row (HTTP 400, relayed as ModelError),
 * quoting the row in its message. Refused rows carry a canary that must reach no answer and no log line.
 */
class RowIsolationEndToEndTest {

    private static final String CANARY = "CANARY-row-77c1";

    private HandlerHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static byte[] event(int rows, Set<Integer> malformed, String onRowError) {
        Map<String, String> headers = TestEvents.snowflakeHeaders(HandlerHarness.ENDPOINT, "text/csv");
        if (onRowError != null) {
            headers.put("sf-custom-sagemaker-on-row-error", onRowError);
        }
        String data = IntStream.range(0, rows).mapToObj(row -> "[" + row + ",[" + (row + 0.5) + ","
                + (malformed.contains(row) ? "\"" + CANARY + "\"" : "2") + ",3]]").collect(Collectors.joining(","));
        return TestEvents.post(headers, ("{\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void malformedRowsAreAnsweredNullAndEveryOtherRowExactly() {
        var model = new TestModels.Recorder(TestModels.refusingRowsWith(CANARY));
        harness = new HandlerHarness(model);
        Set<Integer> malformed = Set.of(0, 41, 42, 43, 199);

        TestEvents.Answer answer = harness.call(event(200, malformed, "null"));

        assertEquals(200, answer.response().get("statusCode").asInt(), answer.body().toString());
        JsonNode data = answer.body().get("data");
        for (int row = 0; row < 200; row++) {
            assertEquals(row, data.get(row).get(0).asInt());
            if (malformed.contains(row)) {
                assertTrue(data.get(row).get(1).isNull(), "row " + row);
            } else {
                assertEquals(row + 0.5, data.get(row).get(1).asDouble(), "row " + row);
            }
        }
        int extraCalls = model.invocations().size() - 1;
        assertTrue(extraCalls <= 2 * malformed.size() * 8 + 1, extraCalls + " extra calls");
        String line = harness.logLines.stream().filter(l -> l.contains("sqlscore.batch")).findFirst().orElseThrow();
        assertTrue(line.contains("\"rowsRefused\":5") && line.contains("\"refusedRows\":[0,41,42,43,199]"), line);
        assertFalse(line.contains(CANARY), "no row data in the log");
        assertFalse(answer.body().toString().contains(CANARY), "no row data in the answer");
    }

    @Test
    void theSameBatchWithoutTheSettingFailsAsBefore() {
        var model = new TestModels.Recorder(TestModels.refusingRowsWith(CANARY));
        harness = new HandlerHarness(model);

        TestEvents.Answer answer = harness.call(event(200, Set.of(41), null));

        assertEquals(400, answer.response().get("statusCode").asInt());
        assertEquals("MODEL_REJECTED_INPUT", answer.body().get("error").asText());
        assertEquals(1, model.invocations().size());
        assertFalse(answer.body().toString().contains(CANARY), "the container's message quotes the row: not shown");
    }

    /** A 5xx from SageMaker during isolation (past the SDK's own retries) stays a 503 Snowflake retries, not a NULL. */
    @Test
    void aFailureOnTheWayKeepsItsStatus() {
        AtomicInteger seen = new AtomicInteger();
        harness = new HandlerHarness(TestModels.refusingRowsWith(CANARY), invocation -> seen.incrementAndGet() >= 4
                ? FaultHook.Action.reply(Reply.serviceUnavailable()) : FaultHook.Action.proceed(),
                ScoringConfig.defaults());

        TestEvents.Answer answer = harness.call(event(200, Set.of(41), "null"));

        assertEquals(503, answer.response().get("statusCode").asInt(), answer.body().toString());
        assertEquals("MODEL_UNAVAILABLE", answer.body().get("error").asText());
    }

    @Test
    void everyRowMalformedFailsTheBatchSayingSo() {
        harness = new HandlerHarness(TestModels.refusingRowsWith(CANARY));

        TestEvents.Answer answer = harness.call(event(6, Set.of(0, 1, 2, 3, 4, 5), "null"));

        assertEquals(400, answer.response().get("statusCode").asInt());
        assertTrue(answer.body().get("message").asText().contains("refused every one of the batch's 6 rows"),
                answer.body().toString());
        assertEquals(List.of(), harness.logLines.stream().filter(l -> l.contains(CANARY)).toList());
    }
}
