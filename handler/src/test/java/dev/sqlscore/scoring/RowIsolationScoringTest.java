package dev.sqlscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvocationException.Failure;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sagemaker-on-row-error = null} through the scorer: a model that refuses any request holding a refused row
 * (as a container refuses a whole request for one malformed row), and answers the others with each row's first
 * feature. Refused rows carry a canary that must reach no answer and no log line.
 */
class RowIsolationScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "CANARY-5e1d";
    private static final ScoringConfig CONFIG = ScoringConfig.builder().allowedEndpoints(Set.of("churn-model"))
            .build();

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** The container's own refusal: SageMaker's ModelError with a 4xx original status. */
    private static ModelResponse refusingModel(ModelRequest request, Duration timeout) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        if (body.contains(CANARY)) {
            throw new ModelInvocationException(Failure.MODEL_REJECTED_INPUT, "The model rejected the input");
        }
        return FakeModels.firstFeature(request);
    }

    private BatchScorer scorer(ScoringConfig config, ModelInvoker invoker, AtomicLong clock) {
        return BatchScorer.builder().config(config).invoker((request, timeout) -> {
            calls.incrementAndGet();
            return invoker.invoke(request, timeout);
        }).logSink(logLines::add).clock(clock::get).build();
    }

    private ScoringResponse score(ScoringConfig config, ModelInvoker invoker, int rows, Set<Integer> refused,
                                  String onRowError) {
        return score(config, invoker, rows, refused, onRowError, new AtomicLong());
    }

    private ScoringResponse score(ScoringConfig config, ModelInvoker invoker, int rows, Set<Integer> refused,
                                  String onRowError, AtomicLong clock) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", "churn-model");
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-name", "DB.ML.CHURN");
        if (onRowError != null) {
            headers.put("sf-custom-sagemaker-on-row-error", onRowError);
        }
        String data = IntStream.range(0, rows).mapToObj(row -> "[" + row + ",[" + (row * 10) + ","
                + (refused.contains(row) ? "\"" + CANARY + "\"" : "1") + "]]").collect(Collectors.joining(","));
        byte[] body = ("{\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8);
        return scorer(config, invoker, clock).score(new ScoringRequest("POST", HttpHeaders.ofSingle(headers), body,
                null));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of("none", 200, Set.of()),
                Arguments.of("one", 200, Set.of(57)),
                Arguments.of("the first", 200, Set.of(0)),
                Arguments.of("the last", 200, Set.of(199)),
                Arguments.of("a run of adjacent rows", 200, Set.of(80, 81, 82, 83)),
                Arguments.of("ten scattered in 4,096", 4096, Set.of(1, 400, 401, 999, 1500, 2048, 3000, 3001, 4000,
                        4095)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedRowsAreAnsweredNullAndTheOthersExactlyInOrder(String what, int rows, Set<Integer> refused) {
        ScoringResponse response = score(CONFIG, RowIsolationScoringTest::refusingModel, rows, refused, "null");

        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonNode data = json(response.bodyAsString()).get("data");
        assertEquals(rows, data.size());
        for (int row = 0; row < rows; row++) {
            assertEquals(row, data.get(row).get(0).asInt());
            if (refused.contains(row)) {
                assertTrue(data.get(row).get(1).isNull(), "row " + row + " answered " + data.get(row));
            } else {
                assertEquals(row * 10, data.get(row).get(1).asInt(), "row " + row);
            }
        }
        int extra = calls.get() - 1;
        assertTrue(extra <= RowIsolation.maxCalls(rows, Math.max(1, refused.size())),
                extra + " extra calls for " + refused.size() + " refused of " + rows);
        JsonNode log = json(logLines.get(0));
        assertEquals(refused.size(), log.get("rowsRefused").asInt());
        if (refused.isEmpty()) {
            assertEquals(0, extra, "no refusal, no extra call");
            assertFalse(log.has("refusedRows"));
        } else {
            assertEquals(extra, log.get("isolationCalls").asInt());
            List<Integer> named = new ArrayList<>();
            log.get("refusedRows").forEach(number -> named.add(number.asInt()));
            assertEquals(refused.stream().sorted().limit(5).toList(), named);
        }
        assertFalse(response.bodyAsString().contains(CANARY));
        assertFalse(logLines.get(0).contains(CANARY));
    }

    /** The log names refused rows by Snowflake's row numbers, counting past the rows that went to no model. */
    @Test
    void refusedRowsAmongRowsWithoutInputAreNamedByTheirRowNumbers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", "churn-model");
        headers.put("sf-custom-sagemaker-on-row-error", "null");
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        String refused = "\"" + CANARY + "\"";
        byte[] body = ("{\"data\":[[100,null],[101,[10," + refused + "]],[102,null],[103,[30,1]],[104,null],"
                + "[105,[50," + refused + "]],[106,[60,1]]]}").getBytes(StandardCharsets.UTF_8);

        ScoringResponse response = scorer(CONFIG, RowIsolationScoringTest::refusingModel, new AtomicLong())
                .score(new ScoringRequest("POST", HttpHeaders.ofSingle(headers), body, null));

        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals("{\"data\":[[100,null],[101,null],[102,null],[103,30],[104,null],[105,null],[106,60]]}",
                response.bodyAsString());
        JsonNode log = json(logLines.get(0));
        assertEquals(2, log.get("rowsRefused").asInt());
        assertEquals("[101,105]", log.get("refusedRows").toString());
    }

    @Test
    void refusedChunksAreIsolatedOnTheirOwnAmongOthers() {
        ScoringConfig config = CONFIG.toBuilder().maxRowsPerRequest(50).build();
        ScoringResponse response = score(config, RowIsolationScoringTest::refusingModel, 200, Set.of(120), "null");

        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonNode data = json(response.bodyAsString()).get("data");
        assertTrue(data.get(120).get(1).isNull());
        assertEquals(1190, data.get(119).get(1).asInt());
        assertEquals(1210, data.get(121).get(1).asInt());
        assertTrue(calls.get() - 4 <= RowIsolation.maxCalls(50, 1), calls.get() + " calls");
    }

    @Test
    void withoutTheHeaderOrWithFailARefusedRowFailsTheBatchAsBefore() {
        for (String onRowError : new String[] {null, "fail", "FAIL"}) {
            calls.set(0);
            logLines.clear();
            ScoringResponse response = score(CONFIG, RowIsolationScoringTest::refusingModel, 200, Set.of(5),
                    onRowError);
            assertEquals(400, response.statusCode(), response.bodyAsString());
            assertEquals("MODEL_REJECTED_INPUT", json(response.bodyAsString()).get("error").asText());
            assertEquals(1, calls.get(), "no isolation unless asked for");
        }
    }

    @Test
    void anUnknownValueIsA400NamingTheHeaderAndTheValues() {
        ScoringResponse response = score(CONFIG, RowIsolationScoringTest::refusingModel, 3, Set.of(), "skip");

        assertEquals(400, response.statusCode());
        JsonNode body = json(response.bodyAsString());
        assertEquals("INVALID_HEADER", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("sagemaker-on-row-error 'skip' is not supported; use "
                + "'fail'") && body.get("message").asText().contains("'null'"), body.toString());
        assertEquals(0, calls.get());
    }

    @Test
    void whenTheModelRefusesEveryRowTheBatchFailsSayingSo() {
        Set<Integer> all = IntStream.range(0, 8).boxed().collect(Collectors.toSet());
        ScoringResponse response = score(CONFIG, RowIsolationScoringTest::refusingModel, 8, all, "null");

        assertEquals(400, response.statusCode());
        JsonNode body = json(response.bodyAsString());
        assertEquals("MODEL_REJECTED_INPUT", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("the model refused every one of the batch's 8 rows")
                && body.get("message").asText().contains("8 of 8 rows were isolated"), body.toString());
        assertFalse(response.bodyAsString().contains(CANARY));
    }

    @Test
    void theBudgetStopsIsolationWithHowFarItGot() {
        Set<Integer> scattered = IntStream.range(0, 60).map(i -> i * 160 + 7).boxed().collect(Collectors.toSet());
        ScoringResponse response = score(CONFIG, RowIsolationScoringTest::refusingModel, 10_000, scattered, "null");

        assertEquals(400, response.statusCode());
        JsonNode body = json(response.bodyAsString());
        assertEquals("MODEL_REJECTED_INPUT", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("its budget of " + BatchScorer.ISOLATION_CALL_BUDGET
                + " extra model calls per batch ran out"), body.toString());
        assertTrue(body.get("message").asText().matches(".*\\d+ of 10000 rows were isolated as refused, in "
                + BatchScorer.ISOLATION_CALL_BUDGET + " extra model calls.*"), body.toString());
        assertEquals(1 + BatchScorer.ISOLATION_CALL_BUDGET, calls.get(), "not one call past the budget");
    }

    /** Each model call takes 100 ms of the batch's 1 s: isolation that needs ~16 calls runs out of time. */
    @Test
    void theDeadlineStopsIsolationWithA504ThatSaysSo() {
        AtomicLong clock = new AtomicLong();
        ModelInvoker slow = (request, timeout) -> {
            clock.addAndGet(Duration.ofMillis(100).toNanos());
            return refusingModel(request, timeout);
        };
        ScoringConfig config = CONFIG.toBuilder().deadline(Duration.ofSeconds(1)).build();
        ScoringResponse response = score(config, slow, 200, Set.of(57), "null", clock);

        assertEquals(504, response.statusCode(), response.bodyAsString());
        JsonNode body = json(response.bodyAsString());
        assertEquals("DEADLINE_EXCEEDED", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("Isolating the rows the model refuses "
                + "(sagemaker-on-row-error = null) was still going"), body.toString());
        assertTrue(calls.get() <= 11, calls.get() + " calls: none after the deadline");
    }

    /** What Snowflake retries stays retryable: a throttle or a 5xx on the way ends isolation with its own code. */
    @Test
    void retryableFailuresDuringIsolationKeepTheirCodes() {
        for (Failure failure : new Failure[] {Failure.THROTTLED, Failure.UNAVAILABLE}) {
            calls.set(0);
            AtomicInteger seen = new AtomicInteger();
            ModelInvoker flaky = (request, timeout) -> {
                if (seen.incrementAndGet() == 3) {
                    throw new ModelInvocationException(failure, "the endpoint is busy");
                }
                return refusingModel(request, timeout);
            };
            ScoringResponse response = score(CONFIG, flaky, 200, Set.of(57), "null");
            assertEquals(failure.httpStatus(), response.statusCode(), response.bodyAsString());
            assertEquals(3, calls.get());
        }
    }
}
