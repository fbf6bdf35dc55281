package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.lambda.TestHandlers;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.modelserver.FaultHook.Action;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import dev.sqlscore.sagemaker.SageMakerTestClients;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row data stays out of logs and error bodies. A unique canary travels inside the rows (and inside the model's
 * errors and malformed answers) through the Lambda handler, the real SDK and the local model server, on success
 * and on every kind of failure; it must never appear in a log line (the handler's log sink is standard output, as
 * on Lambda, and standard error is captured too) nor in an error body. Only a successful answer may carry it,
 * when the model's own answer does.
 */
class CanaryTest {

    private static final String CANARY = "CANARY-c4n4ry-" + Long.toHexString(System.nanoTime());
    private static final String ENDPOINT = "churn-model";
    private static final AtomicReference<Action> MODEL = new AtomicReference<>(Action.proceed());

    private static ModelServer server;
    private static SageMakerModelInvoker sageMaker;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CountDownLatch neverInTime = new CountDownLatch(1);
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeAll
    static void startServer() {
        server = ModelServer.builder()
                .endpoint(ENDPOINT, invocation -> Reply.answer("application/json", "{\"predictions\":[\"" + CANARY
                        + "\"" + ",\"ok\"".repeat((int) new String(invocation.request().body(),
                        StandardCharsets.UTF_8).lines().count() - 1) + "]}"))
                .faultHook(invocation -> MODEL.get())
                .start();
        sageMaker = SageMakerTestClients.invoker(server.endpointUri());
    }

    @AfterAll
    static void stopServer() {
        sageMaker.close();
        server.close();
    }

    @BeforeEach
    void captureConsole() {
        stdout = System.out;
        stderr = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        MODEL.set(Action.proceed());
    }

    @AfterEach
    void restoreConsole() {
        neverInTime.countDown();
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private static RequestStreamHandler handler(ModelInvoker invoker, Duration deadline) {
        ScoringConfig config = ScoringConfig.builder().allowedEndpoints(Set.of(ENDPOINT)).maxRowsPerRequest(2)
                .deadline(deadline).build();
        BatchScorer scorer = BatchScorer.builder().config(config).invoker(invoker)
                .logSink(line -> System.out.println(line)).build();
        return TestHandlers.over(scorer, line -> System.out.println(line));
    }

    /** Snowflake's request with the canary in a string argument, a VARIANT and a row-level array. */
    private static RawRequest batch(String body, String... options) {
        return new RawRequest("POST", Set.of(options), Map.of(
                "sf-external-function-format", List.of("json"),
                "sf-external-function-format-version", List.of("1.0"),
                "sf-external-function-query-batch-id", List.of("q1:1"),
                "sf-custom-sagemaker-endpoint-name", List.of(ENDPOINT)), body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String ROWS = "{\"data\":[[0,1,\"" + CANARY + "\"],[1,2,{\"k\":\"" + CANARY + "\"}],"
            + "[2,[3,\"" + CANARY + "\"]],[3,4,\"x\"]]}";

    /** Calls the handler; returns the status after checking the console holds log lines and no canary. */
    private ProxyEvents.Response call(RequestStreamHandler handler, byte[] event) {
        ProxyEvents.Response response = ProxyEvents.call(handler, event);
        String logged = console.toString(StandardCharsets.UTF_8);
        assertFalse(logged.isBlank(), "the batch was logged");
        logged.lines().forEach(line -> SnowflakeAnswers.json(line.getBytes(StandardCharsets.UTF_8)));
        assertFalse(logged.contains(CANARY), "row data in the log: " + logged);
        return response;
    }

    private void assertFailsWithoutTheCanary(RequestStreamHandler handler, RawRequest request, int status,
                                             String code) {
        ProxyEvents.Response response = call(handler, ProxyEvents.of(request).json());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.status(), body);
        assertEquals(code, SnowflakeAnswers.assertErrorBody(response.body()).path("error").asText(), body);
        assertFalse(body.contains(CANARY), "row data in the error body: " + body);
    }

    @Test
    void aSuccessfulBatchLogsNoRowData() {
        ProxyEvents.Response response = call(handler(sageMaker, Duration.ofSeconds(10)),
                ProxyEvents.of(batch(ROWS, "gzip", "base64")).json());
        assertEquals(200, response.status());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains(CANARY), "the model's own answer");
    }

    @Test
    void anInvalidBatchNamesNoRowData() {
        RequestStreamHandler handler = handler(sageMaker, Duration.ofSeconds(10));
        assertFailsWithoutTheCanary(handler, batch(ROWS.substring(0, ROWS.length() - 20)), 400, "INVALID_BATCH");
        console.reset();
        assertFailsWithoutTheCanary(handler, batch("{\"data\":[[0,\"" + CANARY + "\"],[0,\"" + CANARY + "\"]]}"),
                400, "INVALID_BATCH");
        console.reset();
        assertFailsWithoutTheCanary(handler, batch("{\"data\":[[\"" + CANARY + "\",1]]}"), 400, "INVALID_BATCH");
        console.reset();
        assertFailsWithoutTheCanary(handler, batch("{\"data\":[[0,1]],\"" + CANARY + "\":1}x"), 400,
                "INVALID_BATCH");
    }

    @Test
    void aMalformedEventNamesNoRowData() {
        byte[] event = ("{\"httpMethod\":\"POST\",\"isBase64Encoded\":true,\"body\":\"" + CANARY + "!\"}")
                .getBytes(StandardCharsets.UTF_8);
        ProxyEvents.Response response = call(handler(sageMaker, Duration.ofSeconds(10)), event);
        assertEquals(400, response.status());
        assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains(CANARY));
        console.reset();
        byte[] broken = ("{\"httpMethod\":\"POST\",\"body\":\"" + CANARY + "\",\"" + CANARY + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response = call(handler(sageMaker, Duration.ofSeconds(10)), broken);
        assertEquals(400, response.status());
        assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains(CANARY));
    }

    @Test
    void modelErrorsThatEchoTheInputAreNotQuoted() {
        RequestStreamHandler handler = handler(sageMaker, Duration.ofSeconds(10));
        MODEL.set(Action.reply(Reply.containerError(400, "could not parse feature '" + CANARY + "'")));
        assertFailsWithoutTheCanary(handler, batch(ROWS), 400, "MODEL_REJECTED_INPUT");
        console.reset();
        MODEL.set(Action.reply(Reply.containerError(500, "Traceback: ValueError: " + CANARY)));
        assertFailsWithoutTheCanary(handler, batch(ROWS), 503, "MODEL_UNAVAILABLE");
        console.reset();
        MODEL.set(Action.reply(Reply.containerError(429, "slow down " + CANARY)));
        assertFailsWithoutTheCanary(handler, batch(ROWS), 429, "MODEL_THROTTLED");
    }

    @Test
    void malformedModelAnswersAreNotQuoted() {
        RequestStreamHandler handler = handler(sageMaker, Duration.ofSeconds(10));
        for (Reply answer : List.of(
                Reply.answer("application/json", "{\"predictions\": [\"" + CANARY + "\""),
                Reply.answer("application/json", "{\"" + CANARY + "\": [1, 2]}"),
                Reply.answer("application/json", "\"" + CANARY + "\""),
                Reply.answer("text/csv", CANARY + "\n"))) {
            MODEL.set(Action.reply(answer));
            assertFailsWithoutTheCanary(handler, batch(ROWS), 400, "MODEL_RESPONSE_INVALID");
            console.reset();
        }
    }

    @Test
    void aBatchPastItsDeadlineOrOverALimitNamesNoRowData() {
        RequestStreamHandler slow = handler((request, timeout) -> {
            try {
                neverInTime.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        }, Duration.ofMillis(300));
        assertFailsWithoutTheCanary(slow, batch(ROWS), 504, "DEADLINE_EXCEEDED");
        console.reset();
        String wide = "{\"data\":[[0,\"" + CANARY + "x".repeat(5_000_000) + "\"]]}";
        assertFailsWithoutTheCanary(handler(sageMaker, Duration.ofSeconds(10)), batch(wide), 413,
                "PAYLOAD_TOO_LARGE");
    }

    /**
     * The metric fields and the context fields hold only what they are for: the canary in every other header (a
     * custom one, the function's signature, a context function that is not logged) and in the rows reaches neither,
     * while the logged context is exactly the user and role sent.
     */
    @Test
    void metricsAndContextFieldsCarryNoRowDataAndNoOtherHeader() throws Exception {
        Map<String, List<String>> headers = new HashMap<>(batch(ROWS).headers());
        headers.put("sf-context-current-user", List.of("ALICE"));
        headers.put("sf-context-current-role", List.of("ANALYST"));
        headers.put("sf-context-current-statement", List.of("select F('" + CANARY + "')"));
        headers.put("sf-custom-note", List.of(CANARY));
        headers.put("sf-external-function-signature", List.of("(" + CANARY + " ARRAY)"));
        RawRequest request = new RawRequest("POST", Set.of(), headers, ROWS.getBytes(StandardCharsets.UTF_8));

        ProxyEvents.Response response = call(handler(sageMaker, Duration.ofSeconds(10)), ProxyEvents.of(request)
                .json());

        assertEquals(200, response.status());
        var line = new ObjectMapper().readTree(console.toString(StandardCharsets.UTF_8)
                .lines().filter(l -> l.contains("sqlscore.batch")).findFirst().orElseThrow());
        assertEquals("ALICE", line.get("user").asText());
        assertEquals("ANALYST", line.get("role").asText());
        Set<String> fields = new TreeSet<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(List.of("_aws", "batchId", "batches", "bytesIn", "bytesOut", "chunks",
                "endpoint", "errors", "event", "function", "modelMs", "outcome", "results", "role", "rows",
                "rowsRefused", "status", "throttles", "totalMs", "user")), fields,
                "nothing but ids, names, counts and the two context values");
    }

    @Test
    void aBugThatQuotesRowDataInItsExceptionIsNotQuoted() {
        RequestStreamHandler buggy = handler((request, timeout) -> {
            throw new IllegalStateException("bug while reading " + new String(request.body(), StandardCharsets.UTF_8));
        }, Duration.ofSeconds(10));
        assertFailsWithoutTheCanary(buggy, batch(ROWS), 500, "INTERNAL_ERROR");
    }
}
