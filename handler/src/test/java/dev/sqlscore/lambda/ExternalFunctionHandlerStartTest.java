package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.crypto.NativeCrypto;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.FakeModels;
import dev.sqlscore.scoring.ScoringConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The handler's own line: an execution environment's first batch says how it started (cold, or restored from a
 * SnapStart snapshot) as a metric, once; every batch is answered and logged by the scorer.
 */
class ExternalFunctionHandlerStartTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BatchScorer scorer = BatchScorer.builder()
            .config(ScoringConfig.builder().metricsNamespace("sqlscore/test").build())
            .invoker((request, timeout) -> FakeModels.firstFeature(request)).logSink(lines::add).build();
    private final ExternalFunctionHandler handler = new ExternalFunctionHandler(scorer, lines::add);

    private TestEvents.Answer call() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(TestEvents.post(TestEvents.snowflakeHeaders("churn",
                "text/csv"), "{\"data\":[[0,[7,1]]]}".getBytes(StandardCharsets.UTF_8), false)), out, null);
        return TestEvents.answer(out.toByteArray());
    }

    private List<String> events() {
        return lines.stream().map(line -> {
            try {
                JsonNode node = TestEvents.JSON.readTree(line);
                return node.get("event").asText() + (node.has("start") ? ":" + node.get("start").asText() : "");
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void theFirstBatchOfAnEnvironmentSaysHowItStartedOnce() throws Exception {
        assertEquals("{\"data\":[[0,7]]}", call().body().toString());
        assertEquals(List.of("sqlscore.start:cold", "sqlscore.batch"), events());
        JsonNode start = TestEvents.JSON.readTree(lines.get(0));
        assertEquals(1, start.get("coldStarts").asInt());
        assertEquals(NativeCrypto.status().description(), start.get("crypto").asText());
        assertEquals("sqlscore/test", start.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("[[]]", start.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals("coldStarts", start.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());

        call();
        assertEquals(List.of("sqlscore.start:cold", "sqlscore.batch", "sqlscore.batch"), events());

        handler.priming().afterRestore(null);
        lines.clear();
        call();
        assertEquals(List.of("sqlscore.start:restore", "sqlscore.batch"), events());
        assertEquals(1, TestEvents.JSON.readTree(lines.get(0)).get("restores").asInt());
        assertEquals("ExternalFunctionHandler[" + scorer + "]", handler.toString());
    }
}
