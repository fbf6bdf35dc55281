package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.async.S3Location;
import dev.sqlscore.model.AsyncModelInvoker;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous batch's life as its log lines tell it: started (with its chunks and the time queueing took),
 * already started on a retried POST, pending while polled, done with the time since it started. Polls count no batch;
 * the result is counted once, when it is answered.
 */
class AsyncBatchLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "s3://out/summaries";
    private static final String BATCH_ID = "01b2-query:1:1:0:0";

    private final MemoryStore store = new MemoryStore();
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong wallClock = new AtomicLong(1_700_000_000_000L);

    private static final ScoringConfig CONFIG = ScoringConfig.builder().allowedEndpoints(Set.of("summarizer"))
            .maxRowsPerRequest(1).asyncStatePath(S3Location.parse("s3://state/batches/")).build();

    private final BatchScorer scorer = scorerOver(store, (request, timeout) -> new AsyncModelInvoker.Queued(
            S3Location.parse(OUTPUT + "/" + request.input().key().replace('/', '-') + ".out"), null));

    /** An async-only scorer over {@code store} and {@code invoker}, logging to {@link #lines}. */
    private BatchScorer scorerOver(ObjectStore store, AsyncModelInvoker invoker) {
        return BatchScorer.builder().config(CONFIG)
                .invoker((request, timeout) -> {
                    throw new AssertionError("no real-time call");
                })
                .async(store, invoker).logSink(lines::add).wallClock(wallClock::get).build();
    }

    private static ScoringRequest request(String method, String body, String batchId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", "summarizer");
        headers.put("sf-custom-sagemaker-mode", "async");
        headers.put("sf-custom-sagemaker-output-path", OUTPUT);
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-query-batch-id", batchId);
        return new ScoringRequest(method, HttpHeaders.ofSingle(headers), body.getBytes(StandardCharsets.UTF_8),
                null);
    }

    private JsonNode lastLine() throws Exception {
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private void answerEveryQueuedChunk() {
        store.objects.keySet().stream().filter(uri -> uri.endsWith(".in")).toList().forEach(input -> store.put(
                S3Location.parse(OUTPUT + "/" + S3Location.parse(input).key().replace('/', '-') + ".out"),
                "0.5\n".getBytes(StandardCharsets.UTF_8), "text/csv", Duration.ofSeconds(1)));
    }

    @Test
    void aBatchsLifeIsLoggedStepByStep() throws Exception {
        String rows = "{\"data\":[[0,\"first\"],[1,null],[2,\"third\"]]}";
        ScoringResponse started = scorer.score(request("POST", rows, BATCH_ID));
        assertEquals(202, started.statusCode());
        assertEquals("{\"batchId\":\"" + BATCH_ID + "\",\"state\":\"pending\"}", started.bodyAsString());
        JsonNode line = lastLine();
        assertEquals("async", line.get("mode").asText());
        assertEquals("started", line.get("state").asText());
        assertEquals(3, line.get("rows").asInt());
        assertEquals(2, line.get("chunks").asInt(), "one row a chunk, the NULL row not sent");
        assertTrue(line.has("modelMs") && line.get("modelMs").asLong() < 60_000, line.toString());
        assertEquals(1, line.get("batches").asInt());
        assertEquals(0, line.get("results").asInt(), "accepted, not yet answered");

        assertEquals(202, scorer.score(request("POST", rows, BATCH_ID)).statusCode());
        assertEquals("already-started", lastLine().get("state").asText());
        assertEquals(2, store.objects.keySet().stream().filter(uri -> uri.endsWith(".in")).count(),
                "a retried POST queues nothing again");

        ScoringResponse pending = scorer.score(request("GET", "", BATCH_ID));
        assertEquals(202, pending.statusCode());
        assertEquals("{\"batchId\":\"" + BATCH_ID + "\",\"state\":\"pending\",\"chunksAnswered\":0,\"chunks\":2}",
                pending.bodyAsString());
        line = lastLine();
        assertEquals("pending", line.get("state").asText());
        assertEquals(0, line.get("batches").asInt(), "a poll is no batch");
        assertEquals(0, line.get("results").asInt());

        answerEveryQueuedChunk();
        wallClock.addAndGet(7_250);
        ScoringResponse done = scorer.score(request("GET", "", BATCH_ID));
        assertEquals(200, done.statusCode(), done.bodyAsString());
        assertEquals("{\"data\":[[0,0.5],[1,null],[2,0.5]]}", done.bodyAsString());
        line = lastLine();
        assertEquals("done", line.get("state").asText());
        assertEquals(7_250, line.get("modelMs").asLong(), "from the batch's start to its answer");
        assertEquals(0, line.get("batches").asInt());
        assertEquals(1, line.get("results").asInt());
    }

    @Test
    void aBatchWithoutInputIsDoneAtOnce() throws Exception {
        ScoringResponse response = scorer.score(request("POST", "{\"data\":[[0,null],[1]]}", BATCH_ID));
        assertEquals(200, response.statusCode());
        assertEquals("{\"data\":[[0,null],[1,null]]}", response.bodyAsString());
        JsonNode line = lastLine();
        assertEquals("done", line.get("state").asText());
        assertEquals(2, line.get("rows").asInt());
        assertFalse(line.has("modelMs"), "no model call was made");
        assertTrue(store.objects.isEmpty(), "nothing stored");
    }

    @Test
    void aBatchIdIsEchoedWithOnlyTheCharactersSnowflakeUses() {
        ScoringResponse response = scorer.score(request("POST", "{\"data\":[[0,\"x\"]]}", "01b2\"},{\"x\":\"1"));
        assertEquals(202, response.statusCode());
        assertEquals("{\"batchId\":\"01b2x:1\",\"state\":\"pending\"}", response.bodyAsString());
    }

    @Test
    void anAsynchronousBatchWithoutItsIdIsRefused() throws Exception {
        for (String batchId : new String[] {"", "  "}) {
            ScoringResponse response = scorer.score(request("POST", "{\"data\":[[0,\"x\"]]}", batchId));
            assertEquals(400, response.statusCode());
            JsonNode answer = JSON.readTree(response.bodyAsString());
            assertEquals("INVALID_HEADER", answer.get("error").asText());
            assertTrue(answer.get("message").asText().startsWith("An asynchronous batch needs its "
                    + "sf-external-function-query-batch-id header"), answer.toString());
        }
        assertTrue(store.objects.isEmpty(), "nothing stored");
    }

    @Test
    void theScorerDescribesItselfByItsConfiguration() {
        assertEquals("BatchScorer[" + CONFIG + "]", scorer.toString());
    }

    /** A store that refuses our identity is the deployment's problem (403); any other failure is transient (503). */
    @Test
    void aStateStoreFailureSaysWhetherRetryingCanHelp() throws Exception {
        for (boolean denied : new boolean[] {true, false}) {
            ObjectStore failing = new MemoryStore() {
                @Override
                public boolean exists(S3Location location, Duration timeout) {
                    throw new ObjectStore.StoreException("HeadObject on " + location + " failed", denied, null);
                }
            };
            BatchScorer failingScorer = scorerOver(failing, (request, timeout) -> {
                throw new AssertionError("nothing queued when the state cannot be read");
            });

            ScoringResponse response = failingScorer.score(request("POST", "{\"data\":[[0,\"x\"]]}", BATCH_ID));

            JsonNode answer = JSON.readTree(response.bodyAsString());
            assertEquals(denied ? 403 : 503, response.statusCode());
            assertEquals(denied ? "STATE_ACCESS_DENIED" : "STATE_UNAVAILABLE", answer.get("error").asText());
            assertTrue(answer.get("message").asText().contains("HeadObject on s3://state/batches/"), answer.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://"));
    }

    /** A poll for a batch this function never started, or one whose answer vanished since it was seen: 404. */
    @Test
    void aBatchWithoutStateOrAnswerIsNotFound() throws Exception {
        ScoringResponse unknown = scorer.score(request("GET", "", "never-started:1:1:0:0"));
        assertEquals(404, unknown.statusCode());
        assertEquals("BATCH_NOT_FOUND", JSON.readTree(unknown.bodyAsString()).get("error").asText());

        assertEquals(202, scorer.score(request("POST", "{\"data\":[[0,\"x\"]]}", BATCH_ID)).statusCode());
        answerEveryQueuedChunk();
        MemoryStore vanishing = store;
        BatchScorer readsNothing = scorerOver(new MemoryStore() {
            @Override
            public boolean exists(S3Location location, Duration timeout) {
                return vanishing.exists(location, timeout);
            }

            @Override
            public Optional<StoredObject> get(S3Location location, Duration timeout) {
                return location.key().endsWith(".out") ? Optional.empty() : vanishing.get(location, timeout);
            }
        }, (request, timeout) -> {
            throw new AssertionError("nothing queued by a poll");
        });

        ScoringResponse vanished = readsNothing.score(request("GET", "", BATCH_ID));
        assertEquals(404, vanished.statusCode(), vanished.bodyAsString());
        assertTrue(JSON.readTree(vanished.bodyAsString()).get("message").asText().startsWith("No batch " + BATCH_ID
                + " was started by this function, or its state has expired"), vanished.bodyAsString());
    }
}
