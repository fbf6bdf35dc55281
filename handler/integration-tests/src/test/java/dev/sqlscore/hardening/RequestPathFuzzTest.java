package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqlscore.lambda.TestHandlers;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the request path with whole requests (method, headers, body, gzip, base64) against a model that always
 * answers correctly: whatever arrives, the answer is every row once and in order, or a deliberate 4xx with a
 * JSON error body; never an exception, never a 5xx; every log line is JSON, and the scorer's carries the status.
 *
 * <p>{@code mvn verify} runs every method on the inputs in {@code RequestPathFuzzTestInputs} (real Snowflake
 * request shapes in {@link RawRequest}'s format; per-method folders add more), and fuzzes
 * {@link #lambdaProxyEvent} for a few seconds. docs/hardening.md has the command for a long run.
 */
class RequestPathFuzzTest {

    /** Small chunks and a row cap, so that short inputs already exercise chunking and reassembly. */
    private static final ScoringConfig CONFIG = ScoringConfig.builder()
            .allowedEndpoints(Set.of("churn-model", "fraud-model"))
            .maxRequestBytes(1_024)
            .maxRowsPerRequest(3)
            .maxConcurrentRequests(2)
            .build();

    private final List<String> logLines = new ArrayList<>();
    private final BatchScorer scorer = BatchScorer.builder().config(CONFIG).invoker(new RowCountingModel())
            .logSink(line -> logLines.add(line)).build();
    private final RequestStreamHandler handler = TestHandlers.over(scorer, line -> logLines.add(line));

    /** The scorer alone, as every carrier (Lambda, the local server) calls it. */
    @FuzzTest
    void scorer(byte[] input) {
        logLines.clear();
        RawRequest raw = RawRequest.decode(input);
        byte[] sent = raw.sentBody();

        ScoringResponse response = scorer.score(new ScoringRequest(raw.method(), raw.httpHeaders(), sent, null));

        SnowflakeAnswers.assertAnsweredOrRejected(response.statusCode(), response.body(), sent);
        assertEquals(1, logLines.size(), "one log line per batch");
        assertEquals(response.statusCode(), logStatus(logLines.getFirst()), logLines.getFirst());
    }

    /** The Lambda handler, with the request as API Gateway's proxy event carries it. */
    @FuzzTest
    void lambdaProxyEvent(byte[] input) {
        logLines.clear();
        ProxyEvents.Event event = ProxyEvents.of(RawRequest.decode(input));

        ProxyEvents.Response response = ProxyEvents.call(handler, event.json());

        SnowflakeAnswers.assertAnsweredOrRejected(response.status(), response.body(), event.body());
        assertTrue(logLines.stream().anyMatch(line -> logStatus(line) == response.status()), logLines.toString());
    }

    /** The Lambda handler with any bytes as its event: API Gateway would not send them, and yet. */
    @FuzzTest
    void lambdaRawEvent(byte[] event) {
        logLines.clear();

        ProxyEvents.Response response = ProxyEvents.call(handler, event);

        if (response.status() == 200) {
            SnowflakeAnswers.answeredRowNumbers(response.body());
        } else {
            SnowflakeAnswers.assertAnsweredOrRejected(response.status(), response.body(), new byte[0]);
        }
        assertTrue(logLines.stream().anyMatch(line -> logStatus(line) == response.status()), logLines.toString());
    }

    private static int logStatus(String line) {
        return SnowflakeAnswers.json(line.getBytes(StandardCharsets.UTF_8)).path("status").asInt();
    }
}
