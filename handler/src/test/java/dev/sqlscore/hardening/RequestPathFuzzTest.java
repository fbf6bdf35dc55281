package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the scorer with whole requests (method, headers, body, gzip) against a model that always answers
 * correctly: whatever arrives, the answer is every row once and in order, or a deliberate 4xx with a JSON
 * error body; never an exception, never a 5xx, and always exactly one log line with the answer's status.
 *
 * <p>{@code mvn verify} runs the seeds in {@code RequestPathFuzzTestInputs} (real Snowflake request shapes, in
 * {@link RawRequest}'s format) and a short fuzzing run; see the README for a long run.
 */
class RequestPathFuzzTest {

    /** Small chunks and a row cap, so that short inputs already exercise chunking and reassembly. */
    private static final ScoringConfig CONFIG = ScoringConfig.builder()
            .allowedEndpoints(Set.of("churn-model", "fraud-model"))
            .maxRequestBytes(1_024)
            .maxRowsPerRequest(3)
            .maxConcurrentRequests(2)
            .build();

    @FuzzTest(maxDuration = "20s")
    void scorer(byte[] input) {
        RawRequest raw = RawRequest.decode(input);
        List<String> logLines = new ArrayList<>();
        BatchScorer scorer = BatchScorer.builder().config(CONFIG).invoker(new RowCountingModel())
                .logSink(logLines::add).build();
        byte[] sent = raw.sentBody();

        ScoringResponse response = scorer.score(new ScoringRequest(raw.method(), raw.httpHeaders(), sent, null));

        SnowflakeAnswers.assertAnsweredOrRejected(response.statusCode(), response.body(), sent);
        assertEquals(1, logLines.size(), "one log line per batch");
        assertEquals(response.statusCode(), SnowflakeAnswers.json(logLines.get(0).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).path("status").asInt(), logLines.get(0));
    }
}
