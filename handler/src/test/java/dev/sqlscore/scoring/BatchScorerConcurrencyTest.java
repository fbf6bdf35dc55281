package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scorer's parallel model calls: the bound, the order, all-or-nothing, the deadline. */
class BatchScorerConcurrencyTest {

    private static final ScoringConfig CONFIG = ScoringConfig.builder()
            .allowedEndpoints(Set.of("churn-model"))
            .maxRowsPerRequest(1)
            .deadline(Duration.ofSeconds(20))
            .build();

    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private BatchScorer scorer(ScoringConfig config, ModelInvoker invoker) {
        return BatchScorer.builder().config(config).invoker(invoker).logSink(logLines::add).build();
    }

    private static ScoringRequest batch(int rows, Duration timeRemaining) {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < rows; i++) {
            body.append(i == 0 ? "" : ",").append('[').append(i).append(',').append(i * 10).append(']');
        }
        return new ScoringRequest("POST", HttpHeaders.ofSingle(Map.of("sf-custom-sagemaker-endpoint-name",
                "churn-model")), body.append("]}").toString().getBytes(StandardCharsets.UTF_8), timeRemaining);
    }

    private static String expectedAnswer(int rows) {
        StringBuilder answer = new StringBuilder("{\"data\":[");
        for (int i = 0; i < rows; i++) {
            answer.append(i == 0 ? "" : ",").append('[').append(i).append(',').append(i * 10).append(']');
        }
        return answer.append("]}").toString();
    }

    private static int feature(ModelRequest request) {
        return Integer.parseInt(FakeModels.csvLines(request).get(0));
    }

    @Test
    void runsExactlyTheConfiguredNumberOfCallsAtOnce() {
        int bound = 3;
        // Each call waits until `bound` calls are in flight together: fewer in parallel would break the
        // barrier (timeout), more would show in the maximum.
        CyclicBarrier together = new CyclicBarrier(bound);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ScoringResponse response = scorer(CONFIG.toBuilder().maxConcurrentRequests(bound).build(),
                (request, timeout) -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return FakeModels.firstFeature(request);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new AssertionError("fewer than " + bound + " calls ran together", e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }).score(batch(12, null));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals(expectedAnswer(12), response.bodyAsString());
        assertEquals(bound, maxInFlight.get());
    }

    @Test
    void keepsRowOrderWhenChunksFinishOutOfOrder() {
        CountDownLatch lastChunkDone = new CountDownLatch(1);
        List<Integer> finished = new CopyOnWriteArrayList<>();
        ScoringResponse response = scorer(CONFIG.toBuilder().maxConcurrentRequests(4).build(),
                (request, timeout) -> {
                    int feature = feature(request);
                    if (feature != 30) {
                        await(lastChunkDone);
                    }
                    finished.add(feature);
                    if (feature == 30) {
                        lastChunkDone.countDown();
                    }
                    return FakeModels.firstFeature(request);
                }).score(batch(4, null));
        assertEquals(expectedAnswer(4), response.bodyAsString());
        assertEquals(30, finished.get(0), "the last chunk finished first");
    }

    @Test
    void oneFailingChunkFailsTheWholeBatchAndStartsNoMoreCalls() {
        AtomicInteger calls = new AtomicInteger();
        ScoringResponse response = scorer(CONFIG.toBuilder().maxConcurrentRequests(1).build(),
                (request, timeout) -> {
                    calls.incrementAndGet();
                    if (feature(request) == 20) {
                        throw new ModelInvocationException(ModelInvocationException.Failure.UNAVAILABLE,
                                "Endpoint churn-model is updating; Snowflake will retry");
                    }
                    return FakeModels.firstFeature(request);
                }).score(batch(6, null));
        assertEquals(503, response.statusCode());
        assertTrue(response.bodyAsString().contains("\"error\":\"MODEL_UNAVAILABLE\""), response.bodyAsString());
        assertEquals(3, calls.get(), "calls after the failure would be wasted");
    }

    @Test
    void aBatchPastItsDeadlineIsA504ThatSaysWhatToChange() {
        CountDownLatch never = new CountDownLatch(1);
        ScoringConfig config = CONFIG.toBuilder().deadline(Duration.ofMillis(150)).maxConcurrentRequests(2).build();
        long start = System.nanoTime();
        ScoringResponse response = scorer(config, (request, timeout) -> {
            await(never);
            return FakeModels.firstFeature(request);
        }).score(batch(3, null));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(504, response.statusCode());
        String message = response.bodyAsString();
        assertTrue(message.contains("\"error\":\"DEADLINE_EXCEEDED\""), message);
        assertTrue(message.contains("150 ms"), message);
        assertTrue(message.contains("MAX_BATCH_ROWS"), message);
        assertTrue(message.contains("SQLSCORE_DEADLINE_MILLIS"), message);
        assertTrue(tookMillis < 5_000, "answered in " + tookMillis + " ms");
        assertEquals(504, logLine().path("status").asInt());
    }

    @Test
    void theCarriersRemainingTimeShortensTheDeadlineAndEachCallGetsTheTimeLeft() {
        List<Duration> timeouts = new CopyOnWriteArrayList<>();
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            timeouts.add(timeout);
            return FakeModels.firstFeature(request);
        }).score(batch(2, BatchScorer.ANSWER_MARGIN.plusMillis(3_000)));
        assertEquals(200, response.statusCode());
        assertEquals(2, timeouts.size());
        for (Duration timeout : timeouts) {
            assertTrue(timeout.compareTo(Duration.ofMillis(3_000)) <= 0 && !timeout.isNegative(), timeout.toString());
            assertTrue(timeout.compareTo(Duration.ofMillis(1_000)) > 0, timeout.toString());
        }
    }

    @Test
    void noTimeLeftIsA504WithoutCallingTheModel() {
        AtomicInteger calls = new AtomicInteger();
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            calls.incrementAndGet();
            return FakeModels.firstFeature(request);
        }).score(batch(2, BatchScorer.ANSWER_MARGIN.minusMillis(100)));
        assertEquals(504, response.statusCode());
        assertEquals(0, calls.get());
    }

    @Test
    void anInvokerTimeoutIsReportedAsTheDeadline() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            throw new ModelInvocationException(ModelInvocationException.Failure.TIMED_OUT, "timed out");
        }).score(batch(1, null));
        assertEquals(504, response.statusCode());
        assertTrue(response.bodyAsString().contains("\"error\":\"DEADLINE_EXCEEDED\""), response.bodyAsString());
    }

    @Test
    void timingsInTheLogComeFromTheClock() {
        AtomicInteger ticks = new AtomicInteger();
        // Every reading advances 1 ms: the log's durations count the readings between start and end.
        ScoringResponse response = BatchScorer.builder().config(CONFIG)
                .invoker((request, timeout) -> FakeModels.firstFeature(request))
                .logSink(logLines::add)
                .clock(() -> TimeUnit.MILLISECONDS.toNanos(ticks.incrementAndGet()))
                .build().score(batch(1, null));
        assertEquals(200, response.statusCode());
        var log = logLine();
        assertTrue(log.path("modelMs").asLong() >= 1, log.toString());
        assertTrue(log.path("totalMs").asLong() > log.path("modelMs").asLong(), log.toString());
    }

    private JsonNode logLine() {
        assertEquals(1, logLines.size());
        try {
            return new ObjectMapper().readTree(logLines.get(0));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelInvocationException(ModelInvocationException.Failure.TIMED_OUT, "interrupted", e);
        }
    }
}
