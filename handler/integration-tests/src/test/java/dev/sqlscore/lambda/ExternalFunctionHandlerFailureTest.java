package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.modelserver.TestModels;
import dev.sqlscore.scoring.ScoringConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Snowflake gets back when SageMaker or the network fails, and how large batches are split. */
class ExternalFunctionHandlerFailureTest {

    private static final String CANARY = "CANARY-container-text-5150";

    private HandlerHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static byte[] batch(String endpoint, int rows) {
        return TestEvents.post(TestEvents.snowflakeHeaders(endpoint, "text/csv"), TestEvents.churnBatch(rows), false);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(FaultHook.Action.reply(Reply.throttling()), 429, "MODEL_THROTTLED"),
                Arguments.of(FaultHook.Action.reply(Reply.modelNotReady()), 503, "MODEL_UNAVAILABLE"),
                Arguments.of(FaultHook.Action.reply(Reply.serviceUnavailable()), 503, "MODEL_UNAVAILABLE"),
                Arguments.of(FaultHook.Action.reply(Reply.internalFailure()), 503, "MODEL_UNAVAILABLE"),
                Arguments.of(FaultHook.Action.reply(Reply.containerError(400, CANARY)), 400, "MODEL_REJECTED_INPUT"),
                Arguments.of(FaultHook.Action.reply(Reply.containerError(429, CANARY)), 429, "MODEL_THROTTLED"),
                Arguments.of(FaultHook.Action.reply(Reply.containerError(502, CANARY)), 503, "MODEL_UNAVAILABLE"),
                Arguments.of(FaultHook.Action.reply(Reply.validationError("Inference Component Name header is "
                        + "required")), 400, "MODEL_REQUEST_INVALID"),
                Arguments.of(FaultHook.Action.reply(Reply.accessDenied("not authorized to perform: "
                        + "sagemaker:InvokeEndpoint")), 403, "MODEL_ACCESS_DENIED"),
                Arguments.of(FaultHook.Action.reply(Reply.expiredToken()), 403, "MODEL_ACCESS_DENIED"),
                Arguments.of(FaultHook.Action.dropConnection(), 503, "MODEL_UNAVAILABLE"),
                Arguments.of(FaultHook.Action.truncateAnswer(), 503, "MODEL_UNAVAILABLE"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void answersEachFailureWithTheStatusSnowflakeActsOn(FaultHook.Action fault, int status, String error) {
        harness = new HandlerHarness(TestModels::firstFeature, invocation -> fault, ScoringConfig.defaults());
        TestEvents.Answer answer = harness.call(batch(HandlerHarness.ENDPOINT, 10));
        assertEquals(status, answer.status(), answer.body().toString());
        assertEquals(error, answer.error(), answer.message());
        assertFalse(answer.message().isBlank());
        assertFalse(answer.body().toString().contains(CANARY), "container text leaked: " + answer.body());
        assertFalse(answer.body().has("data"));
    }

    @Test
    void anUnknownEndpointFailsAtOnceNamingTheHeader() {
        harness = new HandlerHarness(TestModels::firstFeature);
        TestEvents.Answer answer = harness.call(batch("churn-typo", 10));
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("MODEL_REQUEST_INVALID", answer.error());
        assertTrue(answer.message().contains("Endpoint churn-typo of account"), answer.message());
        assertTrue(answer.message().contains("sagemaker-endpoint-name"), answer.message());
    }

    @Test
    void aSlowModelGets504BeforeLambdaRunsOut() {
        CountDownLatch release = new CountDownLatch(1);
        harness = new HandlerHarness(TestModels::firstFeature, invocation -> {
            release.await();
            return FaultHook.Action.proceed();
        }, ScoringConfig.defaults());
        try {
            long start = System.nanoTime();
            // 2 s left on Lambda's clock: the scorer keeps a margin for the answer and gives the model the rest.
            TestEvents.Answer answer = harness.call(batch(HandlerHarness.ENDPOINT, 10), 2_000);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(504, answer.status(), answer.body().toString());
            assertEquals("DEADLINE_EXCEEDED", answer.error());
            assertEquals(1, release.getCount(), "answered while the model was still working");
            assertTrue(took.compareTo(Duration.ofMillis(2_000)) < 0, "took " + took.toMillis() + " ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void splitsABatchOverSixMegabytesIntoParallelCallsUnderTheBudget() throws Exception {
        int rows = 70_000;
        int budget = 1_000_000;
        byte[] batch = TestEvents.churnBatch(rows);
        assertTrue(batch.length > 6 * 1024 * 1024, "batch is " + batch.length + " bytes");
        // Each call waits (boundedly) for a second one to arrive: the batch passes only if calls overlap.
        CountDownLatch twoInFlight = new CountDownLatch(2);
        TestModels.Recorder model = new TestModels.Recorder(invocation -> {
            twoInFlight.countDown();
            try {
                twoInFlight.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestModels.firstFeature(invocation);
        });
        ScoringConfig config = ScoringConfig.builder().maxRequestBytes(budget).maxConcurrentRequests(4).build();
        harness = new HandlerHarness(model, FaultHook.NONE, config);

        TestEvents.Answer answer = harness.call(TestEvents.post(TestEvents.snowflakeHeaders(HandlerHarness.ENDPOINT,
                "text/csv"), batch, true));

        assertEquals(200, answer.status(), answer.body().toString());
        JsonNode data = answer.body().get("data");
        assertEquals(rows, data.size());
        for (int row = 0; row < rows; row++) {
            assertEquals(row, data.get(row).get(0).asInt());
            assertEquals(row, data.get(row).get(1).asInt());
        }
        long sent = model.invocations().stream().mapToLong(invocation -> invocation.request().body().length).sum();
        assertTrue(model.invocations().size() >= Math.ceilDiv(sent, budget), model.invocations().size() + " calls");
        for (Invocation invocation : model.invocations()) {
            int bytes = invocation.request().body().length;
            assertTrue(bytes <= budget, bytes + " bytes in one call");
        }
        assertTrue(model.maxInFlight() >= 2, "calls did not overlap: max in flight " + model.maxInFlight());
        assertTrue(model.maxInFlight() <= 4, "more calls at once than configured: " + model.maxInFlight());
    }
}
