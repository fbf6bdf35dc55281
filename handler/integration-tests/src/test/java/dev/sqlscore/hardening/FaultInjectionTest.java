package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.modelserver.FaultHook.Action;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import dev.sqlscore.sagemaker.SageMakerTestClients;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Faults injected into the local SageMaker-protocol server, reached through the real SDK client, while a batch
 * of many chunks is scored: the batch either succeeds completely (every row once, in order, with its own value)
 * or fails as a whole with the status Snowflake should act on and a message saying what happened. Retries stay
 * inside the batch's deadline.
 */
class FaultInjectionTest {

    private static final String ENDPOINT = "churn-model";
    private static final int ROWS = 60;
    /** 60 rows at 5 per request: 12 chunks, 4 in flight at once. */
    private static final ScoringConfig CONFIG = ScoringConfig.builder()
            .allowedEndpoints(Set.of(ENDPOINT))
            .maxRowsPerRequest(5)
            .maxConcurrentRequests(4)
            .build();
    private static final int CHUNKS = 12;

    private static final AtomicReference<FaultHook> FAULT = new AtomicReference<>(FaultHook.NONE);
    /**
     * Sent as the function's custom attributes: requests of earlier tests that the client still had in flight
     * when their batch ended carry another one, and are neither faulted nor counted.
     */
    private static final AtomicReference<String> TEST_ID = new AtomicReference<>();
    /** Requests of this test that reached the server, SDK retries included, by the chunk's first row. */
    private static final Map<Integer, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static ModelServer server;
    /** The test client: production configuration, but retries without backoff delays. */
    private static SageMakerModelInvoker quickRetries;
    /** The production client configuration, backoff delays included. */
    private static SageMakerModelInvoker production;

    /** Released after each test: a request held on it is a model slower than any deadline. */
    private CountDownLatch neverInTime;
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = ModelServer.builder().endpoint(ENDPOINT, ChurnBatch::firstFeature).faultHook(invocation -> {
            if (!TEST_ID.get().equals(invocation.request().customAttributes())) {
                return Action.proceed();
            }
            ATTEMPTS.computeIfAbsent(ChurnBatch.firstRow(invocation), chunk -> new AtomicInteger()).incrementAndGet();
            return FAULT.get().before(invocation);
        }).start();
        quickRetries = SageMakerTestClients.invoker(server.endpointUri());
        production = SageMakerModelInvoker.create(SageMakerModelInvoker.clientBuilder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SageMakerTestClients.ACCESS_KEY_ID, SageMakerTestClients.SECRET_ACCESS_KEY)))
                .endpointOverride(server.endpointUri())
                .build());
    }

    @AfterAll
    static void stopServer() {
        quickRetries.close();
        production.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        neverInTime = new CountDownLatch(1);
        FAULT.set(FaultHook.NONE);
        ATTEMPTS.clear();
        TEST_ID.set(UUID.randomUUID().toString());
    }

    @AfterEach
    void releaseHeldRequests() {
        neverInTime.countDown();
    }

    private ScoringResponse score(SageMakerModelInvoker invoker, ScoringConfig config) {
        return score(invoker, config, null);
    }

    private ScoringResponse score(SageMakerModelInvoker invoker, ScoringConfig config, Duration timeRemaining) {
        BatchScorer scorer = BatchScorer.builder().config(config).invoker(invoker).logSink(logLines::add).build();
        HttpHeaders headers = HttpHeaders.ofSingle(Map.of("sf-external-function-format", "json",
                "sf-external-function-format-version", "1.0", "sf-custom-sagemaker-endpoint-name", ENDPOINT,
                "sf-custom-sagemaker-custom-attributes", TEST_ID.get()));
        ScoringResponse response = scorer.score(new ScoringRequest("POST", headers, ChurnBatch.body(ROWS),
                timeRemaining));
        assertEquals(1, logLines.size());
        assertEquals(response.statusCode(), SnowflakeAnswers.json(logLines.getFirst().getBytes(
                StandardCharsets.UTF_8)).path("status").asInt(), logLines.getFirst());
        return response;
    }

    private ScoringResponse score() {
        return score(quickRetries, CONFIG);
    }

    /** A whole-batch failure: the status and code, no data at all, and the message. */
    private static String failedAsAWhole(ScoringResponse response, int status, String code) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        JsonNode error = SnowflakeAnswers.assertErrorBody(response.body());
        assertEquals(code, error.path("error").asText());
        return error.path("message").asText();
    }

    private static void assertAttemptsPerChunkAtMost(int max) {
        ATTEMPTS.forEach((chunk, attempts) -> assertTrue(attempts.get() <= max,
                "chunk at row " + chunk + " tried " + attempts + " times"));
    }

    /** Holds the chosen requests until the test ends: a model slower than any deadline. */
    private FaultHook heldUntilTheTestEnds(IntPredicate firstRow) {
        return invocation -> {
            if (firstRow.test(ChurnBatch.firstRow(invocation))) {
                neverInTime.await();
            }
            return Action.proceed();
        };
    }

    private record Timed(ScoringResponse response, Duration elapsed) {
    }

    private static Timed timed(Supplier<ScoringResponse> call) {
        long start = System.nanoTime();
        ScoringResponse response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The fault for each request's first try; retries are served. */
    private static FaultHook onEachFirstTry(Action action) {
        return invocation -> ATTEMPTS.get(ChurnBatch.firstRow(invocation)).get() == 1 ? action : Action.proceed();
    }

    private static void assertCompleteSuccess(ScoringResponse response) {
        assertEquals(200, response.statusCode(), response.bodyAsString());
        ChurnBatch.assertCompleteAnswer(ROWS, response.body());
    }

    /** The fault for the chunk that starts at row 35 only (the 8th of 12); the others are served. */
    private static FaultHook onlyTheChunkAtRow35(Action action) {
        return invocation -> ChurnBatch.firstRow(invocation) == 35 ? action : Action.proceed();
    }

    @Test
    void withoutFaultsEveryRowIsAnsweredOnceInOrder() {
        assertCompleteSuccess(score());
        assertEquals(CHUNKS, ATTEMPTS.size());
        assertAttemptsPerChunkAtMost(1);
    }

    @Test
    void aModelSlowerThanTheDeadlineFailsTheBatchWith504WithinTheDeadline() {
        FAULT.set(heldUntilTheTestEnds(row -> true));
        Duration deadline = Duration.ofMillis(1_500);
        Timed call = timed(() -> score(quickRetries, CONFIG.toBuilder().deadline(deadline).build()));

        String message = failedAsAWhole(call.response(), 504, "DEADLINE_EXCEEDED");
        assertTrue(message.contains("1500 ms") && message.contains("MAX_BATCH_ROWS"), message);
        assertTrue(call.elapsed().compareTo(deadline.plusSeconds(1)) < 0, "answered after " + call.elapsed());
    }

    @Test
    void aCarrierWithLessTimeLeftThanTheDeadlineGetsItsAnswerBeforeItsCut() {
        FAULT.set(heldUntilTheTestEnds(row -> true));
        Duration lambdaTimeLeft = Duration.ofMillis(1_500);
        Timed call = timed(() -> score(quickRetries, CONFIG, lambdaTimeLeft));

        failedAsAWhole(call.response(), 504, "DEADLINE_EXCEEDED");
        assertTrue(call.elapsed().compareTo(lambdaTimeLeft) < 0, "answered after " + call.elapsed());
    }

    @Test
    void oneSlowChunkAmongManyFailsTheWholeBatchWith504() {
        FAULT.set(heldUntilTheTestEnds(row -> row == 35));
        ScoringResponse response = score(quickRetries, CONFIG.toBuilder().deadline(Duration.ofMillis(1_000)).build());
        failedAsAWhole(response, 504, "DEADLINE_EXCEEDED");
    }

    @Test
    void sdkRetriesWithProductionBackoffStayInsideTheDeadline() {
        // Throttling backs off longest (up to 1 s, then 2 s, with jitter): three tries may want more than the deadline.
        FAULT.set(invocation -> Action.reply(Reply.throttling()));
        Duration deadline = Duration.ofMillis(1_200);
        Timed call = timed(() -> score(production, CONFIG.toBuilder().deadline(deadline).build()));

        int status = call.response().statusCode();
        assertTrue(status == 429 || status == 504, call.response().bodyAsString());
        SnowflakeAnswers.assertErrorBody(call.response().body());
        assertTrue(call.elapsed().compareTo(deadline.plusSeconds(1)) < 0, "answered after " + call.elapsed());
        assertAttemptsPerChunkAtMost(3);
    }

    @Test
    void connectionResetsOnEveryTryFailTheBatchWith503AfterBoundedRetries() {
        FAULT.set(invocation -> Action.dropConnection());
        String message = failedAsAWhole(score(), 503, "MODEL_UNAVAILABLE");
        assertTrue(message.contains("connection") && message.contains(ENDPOINT), message);
        assertAttemptsPerChunkAtMost(3);
    }

    @Test
    void aConnectionResetOnEachChunksFirstTryIsRetriedAndTheAnswerIsComplete() {
        FAULT.set(onEachFirstTry(Action.dropConnection()));
        assertCompleteSuccess(score());
        ATTEMPTS.forEach((chunk, attempts) -> assertEquals(2, attempts.get(), "chunk at row " + chunk));
    }

    @Test
    void aTruncatedAnswerIsRetriedAndNeverReadAsAShortAnswer() {
        FAULT.set(onEachFirstTry(Action.truncateAnswer()));
        assertCompleteSuccess(score());
    }

    @Test
    void answersTruncatedOnEveryTryFailTheBatchWith503() {
        FAULT.set(onlyTheChunkAtRow35(Action.truncateAnswer()));
        failedAsAWhole(score(), 503, "MODEL_UNAVAILABLE");
        assertAttemptsPerChunkAtMost(3);
    }

    @Test
    void aContainer5xxOnOneChunkAmongManyFailsTheWholeBatchWith503() {
        FAULT.set(onlyTheChunkAtRow35(Action.reply(Reply.containerError(500, "CANARY boom"))));
        String message = failedAsAWhole(score(), 503, "MODEL_UNAVAILABLE");
        assertTrue(message.contains("500") && message.contains("CloudWatch"), message);
    }

    @Test
    void sageMakerServiceErrorsFailTheBatchWith503() {
        for (Reply.ServiceError error : List.of(Reply.serviceUnavailable(), Reply.internalFailure(),
                Reply.modelNotReady())) {
            logLines.clear();
            FAULT.set(onlyTheChunkAtRow35(Action.reply(error)));
            String message = failedAsAWhole(score(), 503, "MODEL_UNAVAILABLE");
            assertTrue(message.contains(ENDPOINT), message);
        }
    }

    @Test
    void aContainer4xxFailsTheBatchWith400SayingTheModelRejectedTheInput() {
        FAULT.set(onlyTheChunkAtRow35(Action.reply(Reply.containerError(400, "bad feature count"))));
        String message = failedAsAWhole(score(), 400, "MODEL_REJECTED_INPUT");
        assertTrue(message.contains("rejected the input"), message);
        assertAttemptsPerChunkAtMost(1);
    }

    @Test
    void aBurstOfThrottlingIsAbsorbedByRetriesAndTheAnswerIsComplete() {
        AtomicInteger throttled = new AtomicInteger();
        FAULT.set(invocation -> throttled.getAndIncrement() < 2
                ? Action.reply(Reply.throttling()) : Action.proceed());
        assertCompleteSuccess(score());
        assertEquals(CHUNKS + 2, ATTEMPTS.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIs429SoSnowflakeSlowsDown() {
        FAULT.set(invocation -> Action.reply(Reply.throttling()));
        String message = failedAsAWhole(score(), 429, "MODEL_THROTTLED");
        assertTrue(message.contains("throttled") && message.contains("SQLSCORE_MAX_CONCURRENT_REQUESTS"), message);
        assertAttemptsPerChunkAtMost(3);
    }

    @Test
    void aMalformedAnswerFailsTheBatchWith400NamingTheChunk() {
        FAULT.set(onlyTheChunkAtRow35(Action.reply(Reply.answer("application/json", "{\"predictions\": [1, 2"))));
        String message = failedAsAWhole(score(), 400, "MODEL_RESPONSE_INVALID");
        assertTrue(message.contains("request 8 of 12") && message.contains("rows at index 35 to 39"), message);
    }

    @Test
    void anAnswerWithTooFewOrTooManyRowsFailsTheBatchWith400() {
        for (String answer : List.of("35\n36\n37\n38\n", "35\n36\n37\n38\n39\n40\n")) {
            logLines.clear();
            FAULT.set(onlyTheChunkAtRow35(Action.reply(Reply.answer("text/csv", answer))));
            String message = failedAsAWhole(score(), 400, "MODEL_RESPONSE_INVALID");
            assertTrue(message.contains("Expected 5 rows, model returned " + answer.lines().count()), message);
        }
    }

    @Test
    void anAnswerInTheWrongShapeFailsTheBatchWith400() {
        FAULT.set(onlyTheChunkAtRow35(Action.reply(Reply.answer("application/json", "{\"label\": 1}"))));
        String message = failedAsAWhole(score(), 400, "MODEL_RESPONSE_INVALID");
        assertTrue(message.contains("predictions"), message);
        assertFalse(message.contains("\"label\": 1"), message);
    }
}
