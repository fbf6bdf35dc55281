package dev.sqlscore.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.FakeModels;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every outcome's log line is a valid Embedded Metric Format document, as CloudWatch reads one: each metric a
 * directive names is a number at the top level, each dimension a string, the namespace the configured one, and the
 * dimension values bounded (an endpoint outside the allow-list never becomes one).
 */
class EmbeddedMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "sqlscore/test";
    private static final String CANARY = "CANARY-e6f0";
    private static final ScoringConfig CONFIG = ScoringConfig.builder().allowedEndpoints(Set.of("churn"))
            .metricsNamespace(NAMESPACE).deadline(Duration.ofMillis(300)).build();

    static Stream<Arguments> outcomes() {
        ModelInvoker answers = (request, timeout) -> FakeModels.firstFeature(request);
        return Stream.of(
                Arguments.of("success", 200, "success", headers("churn"), rows(), answers),
                Arguments.of("invalid batch", 400, "INVALID_BATCH", headers("churn"), "{\"rows\":[]}", answers),
                Arguments.of("unknown setting", 400, "INVALID_HEADER", with(headers("churn"),
                        "sf-custom-sagemaker-colour", "blue"), rows(), answers),
                Arguments.of("endpoint not allowed", 403, "ENDPOINT_NOT_ALLOWED", headers("someone-elses-" + CANARY),
                        rows(), answers),
                Arguments.of("model rejected", 400, "MODEL_REJECTED_INPUT", headers("churn"), rows(),
                        failing(ModelInvocationException.Failure.MODEL_REJECTED_INPUT)),
                Arguments.of("throttled", 429, "MODEL_THROTTLED", headers("churn"), rows(),
                        failing(ModelInvocationException.Failure.THROTTLED)),
                Arguments.of("unavailable", 503, "MODEL_UNAVAILABLE", headers("churn"), rows(),
                        failing(ModelInvocationException.Failure.UNAVAILABLE)),
                Arguments.of("deadline", 504, "DEADLINE_EXCEEDED", headers("churn"), rows(),
                        (ModelInvoker) (request, timeout) -> {
                            try {
                                Thread.sleep(2_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return FakeModels.firstFeature(request);
                        }),
                Arguments.of("wrong row count", 400, "MODEL_RESPONSE_INVALID", headers("churn"), rows(),
                        (ModelInvoker) (request, timeout) -> new ModelResponse("text/csv",
                                "1\n".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("bug", 500, "INTERNAL_ERROR", headers("churn"), rows(),
                        (ModelInvoker) (request, timeout) -> {
                            throw new IllegalStateException("bug with " + CANARY);
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void theBatchLineIsAMetricDocument(String what, int status, String outcome, Map<String, String> headers,
                                       String body, ModelInvoker model) throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        BatchScorer scorer = BatchScorer.builder().config(CONFIG).invoker(model).logSink(lines::add)
                .wallClock(() -> 1_800_000_000_000L).build();

        ScoringResponse response = scorer.score(new ScoringRequest("POST", HttpHeaders.ofSingle(headers),
                body.getBytes(StandardCharsets.UTF_8), null));

        assertEquals(status, response.statusCode(), response.bodyAsString());
        assertEquals(1, lines.size());
        JsonNode line = JSON.readTree(lines.get(0));
        assertValidDocument(line);
        assertEquals(NAMESPACE, line.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(1_800_000_000_000L, line.at("/_aws/Timestamp").asLong());
        assertEquals(outcome, line.get(Metrics.DIMENSION_OUTCOME).asText());
        // The error code is the line's own field too, for a reader of the log (absent on success).
        assertEquals(status == 200 ? null : outcome, line.has("error") ? line.get("error").asText() : null);
        assertEquals(status, line.get("status").asInt());
        assertEquals(0, line.get(Metrics.ROWS_REFUSED).asInt());
        assertEquals(1, line.get(Metrics.BATCHES).asInt());
        assertEquals(1, line.get(Metrics.RESULTS).asInt());
        assertEquals(status == 200 ? 0 : 1, line.get(Metrics.ERRORS).asInt());
        assertEquals(status == 429 ? 1 : 0, line.get(Metrics.THROTTLES).asInt());
        String endpoint = switch (outcome) {
            case "ENDPOINT_NOT_ALLOWED" -> Metrics.NOT_ALLOWED;
            case "INVALID_HEADER" -> Metrics.NONE; // refused before its settings were read
            default -> "churn";
        };
        assertEquals(endpoint, line.get(Metrics.DIMENSION_ENDPOINT).asText());
        assertEquals("DB.PUBLIC.SCORE", line.get(Metrics.DIMENSION_FUNCTION).asText());
        assertEquals("ALICE", line.get("user").asText());
        assertEquals("ANALYST", line.get("role").asText());
        assertEquals("Zoë", line.get("warehouse").asText(), "decoded from its -base64 twin");
        assertFalse(lines.get(0).contains(CANARY), "no row data, no caller-chosen value: " + lines.get(0));
    }

    /** CloudWatch drops a document whose directives name a field it does not carry, or a non-number metric. */
    private static void assertValidDocument(JsonNode line) {
        Set<String> metrics = new HashSet<>();
        for (JsonNode directive : line.at("/_aws/CloudWatchMetrics")) {
            for (JsonNode dimensions : directive.get("Dimensions")) {
                for (JsonNode dimension : dimensions) {
                    assertTrue(line.path(dimension.asText()).isTextual(), "dimension " + dimension + " in " + line);
                }
            }
            for (JsonNode metric : directive.get("Metrics")) {
                String name = metric.get("Name").asText();
                assertTrue(line.path(name).isNumber(), "metric " + name + " in " + line);
                assertTrue(Metrics.NAMES.contains(name), name + " is not in Metrics.NAMES");
                assertTrue(Set.of("Count", "Bytes", "Milliseconds").contains(metric.get("Unit").asText()));
                assertTrue(metrics.add(name), "metric named twice: " + name);
            }
        }
        assertTrue(metrics.containsAll(List.of(Metrics.ROWS, Metrics.BATCHES, Metrics.ERRORS, Metrics.HANDLER_MS,
                Metrics.RESULTS)), metrics.toString());
    }

    private static ModelInvoker failing(ModelInvocationException.Failure failure) {
        return (request, timeout) -> {
            throw new ModelInvocationException(failure, "the model said " + CANARY);
        };
    }

    private static String rows() {
        return "{\"data\":[[0,[1.5,\"" + CANARY + "\"]],[1,[2.5,\"x\"]]]}";
    }

    private static Map<String, String> headers(String endpoint) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", endpoint);
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-name", "DB.PUBLIC.SCORE");
        headers.put("sf-context-current-user", "ALICE");
        headers.put("sf-context-current-role", "ANALYST");
        headers.put("sf-context-current-warehouse-base64", Base64.getEncoder()
                .encodeToString("Zoë".getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        headers.put(name, value);
        return headers;
    }
}
