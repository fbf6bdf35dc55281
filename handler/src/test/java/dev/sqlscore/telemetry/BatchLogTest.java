package dev.sqlscore.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.snowflake.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One batch's log line, field by field, for the cases the scorer's own tests do not reach. */
class BatchLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode line(BatchLog log) throws Exception {
        return JSON.readTree(log.toJson(1_800_000_000_000L));
    }

    private static List<String> metricNames(JsonNode line, int directive) {
        List<String> names = new ArrayList<>();
        line.at("/_aws/CloudWatchMetrics/" + directive + "/Metrics").forEach(m -> names.add(m.get("Name").asText()));
        return names;
    }

    @Test
    void aModelThatAnsweredWithinAMillisecondStillHasItsTime() throws Exception {
        BatchLog log = new BatchLog(HttpHeaders.empty(), 10, "ns");
        log.modelMillis(0);
        JsonNode line = line(log);
        assertEquals(0, line.get(Metrics.MODEL_MS).asLong());
        assertEquals(Metrics.MODEL_MS, metricNames(line, 0).get(metricNames(line, 0).size() - 1));
        JsonNode noCall = line(new BatchLog(HttpHeaders.empty(), 10, "ns"));
        assertFalse(noCall.has(Metrics.MODEL_MS), "no model call, no model time");
        assertFalse(metricNames(noCall, 0).contains(Metrics.MODEL_MS));
    }

    @Test
    void dimensionsAreNamedInEveryDirective() throws Exception {
        JsonNode line = line(new BatchLog(HttpHeaders.empty(), 10, "ns"));
        assertEquals("[[\"endpoint\"],[\"function\",\"endpoint\"]]",
                line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals("[[\"function\",\"endpoint\",\"outcome\"]]",
                line.at("/_aws/CloudWatchMetrics/1/Dimensions").toString());
        assertEquals(List.of(Metrics.RESULTS), metricNames(line, 1));
    }

    @Test
    void aFunctionIsADimensionOnlyByAName() throws Exception {
        assertEquals(Metrics.NONE, line(new BatchLog(HttpHeaders.empty(), 0, "ns")).get("function").asText());
        assertEquals("DB.PUBLIC.\"Score\"", line(new BatchLog(HttpHeaders.ofSingle(Map.of(
                "sf-external-function-name", "DB.PUBLIC.\"Score\"")), 0, "ns")).get("function").asText());
        assertEquals("(other)", line(new BatchLog(HttpHeaders.ofSingle(Map.of(
                "sf-external-function-name", "DB.PUBLIC.SCORE; drop")), 0, "ns")).get("function").asText());
    }

    @Test
    void contextValuesAreReadPlainOrFromBase64AndClipped() throws Exception {
        JsonNode line = line(new BatchLog(HttpHeaders.ofSingle(Map.of(
                "sf-context-current-user-base64", "not base64!",
                "sf-context-current-role", "R".repeat(300),
                "sf-external-function-query-batch-id", "b".repeat(256))), 0, "ns"));
        assertEquals("(not base64)", line.get("user").asText());
        assertEquals("R".repeat(256), line.get("role").asText(), "clipped to 256 characters");
        assertEquals("b".repeat(256), line.get("batchId").asText());
        assertFalse(line.has("account"), "a context header not sent is not logged");
    }
}
