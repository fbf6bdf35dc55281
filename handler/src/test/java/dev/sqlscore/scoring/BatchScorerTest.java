package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.snowflake.Gzip;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchScorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "CANARY-7f3a91";
    private static final ScoringConfig CONFIG = ScoringConfig.builder()
            .allowedEndpoints(Set.of("churn-model", "other-model"))
            .build();

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private BatchScorer scorer(ScoringConfig config, ModelInvoker invoker) {
        return BatchScorer.builder().config(config).invoker((request, timeout) -> {
            calls.incrementAndGet();
            return invoker.invoke(request, timeout);
        }).logSink(logLines::add).build();
    }

    private static Map<String, String> headers(String endpoint) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", endpoint);
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-current-query-id", "01b2-query");
        headers.put("sf-external-function-query-batch-id", "01b2-batch-7");
        headers.put("sf-external-function-name", "DB.PUBLIC.SAGEMAKER_INVOKE");
        return headers;
    }

    private static ScoringRequest post(Map<String, String> headers, String body) {
        return new ScoringRequest("POST", HttpHeaders.ofSingle(headers), body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static ScoringRequest post(String body) {
        return post(headers("churn-model"), body);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void assertError(ScoringResponse response, int status, String code) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        JsonNode body = json(response.bodyAsString());
        assertEquals(code, body.path("error").asText(), response.bodyAsString());
        assertFalse(body.path("message").asText().isBlank());
        assertEquals(2, body.size(), "error body holds exactly error and message");
    }

    private JsonNode onlyLogLine() {
        assertEquals(1, logLines.size(), logLines.toString());
        return json(logLines.get(0));
    }

    @Test
    void scoresRowsOfArraysThroughCsvAndKeepsRowNumbers() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post("{\"data\":[[0,[1.5,2,3]],[1,[-0,5,6]],"
                        + "[2,[12345678901234567890123456789012345678,0,0]]]}"));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals("{\"data\":[[0,1.5],[1,-0],[2,12345678901234567890123456789012345678]]}",
                response.bodyAsString());
    }

    @Test
    void sendsTheFunctionSettingsToTheInvoker() {
        Map<String, String> headers = headers("churn-model");
        headers.put("SF-Custom-SageMaker-Content-Type", "application/json");
        headers.put("sf-custom-sagemaker-accept", "application/jsonlines");
        headers.put("sf-custom-sagemaker-target-model", "model-a.tar.gz");
        headers.put("sf-custom-sagemaker-target-variant", "blue");
        headers.put("sf-custom-sagemaker-inference-component", "ic-1");
        headers.put("sf-custom-sagemaker-custom-attributes", "trace=1");
        List<ModelRequest> seen = new CopyOnWriteArrayList<>();
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            seen.add(request);
            byte[] answer = "{\"score\":0.25}\n[1,2]\n".getBytes(StandardCharsets.UTF_8);
            return new ModelResponse("application/jsonlines", answer);
        }).score(post(headers, "{\"data\":[[0,\"a\",true],[1,null,{\"k\":[1]}]]}"));
        assertEquals("{\"data\":[[0,{\"score\":0.25}],[1,[1,2]]]}", response.bodyAsString());
        ModelRequest request = seen.get(0);
        assertEquals("churn-model", request.endpointName());
        assertEquals("application/json", request.contentType());
        assertEquals("application/jsonlines", request.accept());
        assertEquals("model-a.tar.gz", request.targetModel());
        assertEquals("blue", request.targetVariant());
        assertEquals("ic-1", request.inferenceComponent());
        assertEquals("trace=1", request.customAttributes());
        assertEquals("{\"instances\":[[\"a\",true],[null,{\"k\":[1]}]]}",
                new String(request.body(), StandardCharsets.UTF_8));
    }

    @Test
    void emptyBatchAnswersEmptyDataWithoutCallingTheModel() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            throw new AssertionError("no model call for an empty batch");
        }).score(post("{\"data\":[]}"));
        assertEquals(200, response.statusCode());
        assertEquals("{\"data\":[]}", response.bodyAsString());
        assertEquals(0, calls.get());
        assertEquals(0, onlyLogLine().path("rows").asInt());
    }

    @Test
    void rowsWithNoInputAreAnsweredNullWithoutReachingTheModel() {
        List<ModelRequest> seen = new CopyOnWriteArrayList<>();
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            seen.add(request);
            return FakeModels.firstFeature(request);
        }).score(post("{\"data\":[[0,[7,1]],[1,null],[2,[]],[3,[null,null]],[4,[8,2]],[5,null,null],[6,9]]}"));
        assertEquals("{\"data\":[[0,7],[1,null],[2,null],[3,null],[4,8],[5,null],[6,9]]}", response.bodyAsString());
        assertEquals(1, seen.size());
        assertEquals("7,1\n8,2\n9\n", new String(seen.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(7, onlyLogLine().path("rows").asInt());
    }

    @Test
    void aBatchOfRowsWithNoInputCallsNoModel() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            throw new AssertionError("no model call without input");
        }).score(post("{\"data\":[[0,null],[1,[]]]}"));
        assertEquals("{\"data\":[[0,null],[1,null]]}", response.bodyAsString());
        assertEquals(0, calls.get());
    }

    @Test
    void acceptsABodyThatIsStillGzip() {
        byte[] gzip = Gzip.compress("{\"data\":[[0,[7,8]],[1,[9,10]]]}".getBytes(StandardCharsets.UTF_8));
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(new ScoringRequest("POST", HttpHeaders.ofSingle(headers("churn-model")), gzip, null));
        assertEquals("{\"data\":[[0,7],[1,9]]}", response.bodyAsString());
    }

    @Test
    void tenThousandRowsAreChunkedAndReassembledInInputOrder() {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 10_000; i++) {
            // Row numbers in reverse: Snowflake's order is arbitrary and must be kept as received.
            body.append(i == 0 ? "" : ",").append("[").append(9_999 - i).append(",[").append(i)
                    .append(",0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.2]]");
        }
        ScoringConfig config = CONFIG.toBuilder().maxRequestBytes(100_000).build();
        ScoringResponse response = scorer(config, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post(body.append("]}").toString()));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonNode data = json(response.bodyAsString()).path("data");
        assertEquals(10_000, data.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(9_999 - i, data.get(i).get(0).asInt());
            assertEquals(i, data.get(i).get(1).asInt());
        }
        JsonNode log = onlyLogLine();
        assertTrue(log.path("chunks").asInt() > 1, log.toString());
        assertEquals(log.path("chunks").asInt(), calls.get());
    }

    @Test
    void rejectsAnEndpointOutsideTheAllowListWithoutCallingTheModel() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post(headers("not-allowed"), "{\"data\":[[0,1]]}"));
        assertError(response, 403, "ENDPOINT_NOT_ALLOWED");
        String message = json(response.bodyAsString()).path("message").asText();
        assertTrue(message.contains("'not-allowed'"), message);
        assertTrue(message.contains("allow-list"), message);
        assertTrue(message.contains("functions config"), message);
        assertEquals(0, calls.get());
    }

    @Test
    void usesTheDefaultEndpointWhenTheFunctionNamesNone() {
        Map<String, String> headers = headers("ignored");
        headers.remove("sf-custom-sagemaker-endpoint-name");
        List<String> endpoints = new CopyOnWriteArrayList<>();
        ScoringResponse response = scorer(CONFIG.toBuilder().defaultEndpoint("other-model").build(),
                (request, timeout) -> {
                    endpoints.add(request.endpointName());
                    return FakeModels.firstFeature(request);
                }).score(post(headers, "{\"data\":[[0,1]]}"));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals(List.of("other-model"), endpoints);
    }

    @Test
    void answersMethodsOtherThanPostWith405() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(new ScoringRequest("GET", HttpHeaders.ofSingle(headers("churn-model")), new byte[0], null));
        assertError(response, 405, "METHOD_NOT_ALLOWED");
        assertEquals(0, calls.get());
    }

    @Test
    void anAsyncFunctionIsRefusedByADeploymentWithoutAStatePathAndSaysWhy() {
        Map<String, String> async = headers("churn-model");
        async.put("sf-custom-sagemaker-mode", "async");
        async.put("sf-custom-sagemaker-output-path", "s3://ml-out/summarizer");
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post(async, "{\"data\":[[0,1]]}"));
        assertError(response, 400, "INVALID_HEADER");
        assertTrue(response.bodyAsString().contains(ScoringConfig.ENV_ASYNC_STATE_PATH)
                && response.bodyAsString().contains("mode async"), response.bodyAsString());
        assertEquals(0, calls.get());
    }

    @Test
    void badInputsGetTheirStatusAndCode() {
        BatchScorer scorer = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request));
        assertError(scorer.score(post("not json")), 400, "INVALID_BATCH");
        Map<String, String> typo = headers("churn-model");
        typo.put("sf-custom-sagemaker-content", "text/csv");
        assertError(scorer.score(post(typo, "{\"data\":[[0,1]]}")), 400, "INVALID_HEADER");
        Map<String, String> version = headers("churn-model");
        version.put("sf-external-function-format-version", "2.0");
        assertError(scorer.score(post(version, "{\"data\":[[0,1]]}")), 400, "INVALID_HEADER");
        ScoringConfig small = CONFIG.toBuilder().maxRequestBytes(1_024).build();
        assertError(scorer(small, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post("{\"data\":[[0,\"" + "x".repeat(2_000) + "\"]]}")), 413, "PAYLOAD_TOO_LARGE");
        assertEquals(0, calls.get());
    }

    @Test
    void aModelFailureFailsTheBatchWithItsStatus() {
        ScoringConfig oneRowPerCall = CONFIG.toBuilder().maxRowsPerRequest(1).build();
        ScoringResponse response = scorer(oneRowPerCall, (request, timeout) -> {
            if (FakeModels.csvLines(request).get(0).startsWith("3")) {
                throw new ModelInvocationException(ModelInvocationException.Failure.THROTTLED,
                        "SageMaker throttled endpoint churn-model; Snowflake will retry");
            }
            return FakeModels.firstFeature(request);
        }).score(post("{\"data\":[[0,1],[1,2],[2,3],[3,4],[4,5]]}"));
        assertError(response, 429, "MODEL_THROTTLED");
        assertEquals("SageMaker throttled endpoint churn-model; Snowflake will retry",
                json(response.bodyAsString()).path("message").asText());
        assertEquals(429, onlyLogLine().path("status").asInt());
    }

    @Test
    void eachFailureKindKeepsItsStatus() {
        for (ModelInvocationException.Failure failure : ModelInvocationException.Failure.values()) {
            ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
                throw new ModelInvocationException(failure, "failed: " + failure);
            }).score(post("{\"data\":[[0,1]]}"));
            assertEquals(failure.httpStatus(), response.statusCode(), failure.name());
            assertEquals(ModelFailures.errorCode(failure), json(response.bodyAsString()).path("error").asText());
        }
    }

    @Test
    void aRowCountMismatchIsAModelResponseError() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) ->
                new ModelResponse("text/csv", "0.5\n".getBytes(StandardCharsets.UTF_8)))
                .score(post("{\"data\":[[0,1],[1,2]]}"));
        assertError(response, 400, "MODEL_RESPONSE_INVALID");
        String message = json(response.bodyAsString()).path("message").asText();
        assertTrue(message.contains("Expected 2 rows, model returned 1"), message);
        assertTrue(message.contains("sagemaker-accept"), message);
    }

    @Test
    void anUnexpectedExceptionIsA500WithAnErrorIdAndNoDetail() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> {
            throw new IllegalStateException("bug while holding " + CANARY);
        }).score(post("{\"data\":[[0,\"" + CANARY + "\"]]}"));
        assertError(response, 500, "INTERNAL_ERROR");
        assertFalse(response.bodyAsString().contains(CANARY));
        assertFalse(response.bodyAsString().contains("IllegalStateException"));
        JsonNode log = onlyLogLine();
        String errorId = log.path("errorId").asText();
        assertFalse(errorId.isEmpty());
        assertTrue(response.bodyAsString().contains(errorId));
        assertEquals("java.lang.IllegalStateException", log.path("exception").asText());
        assertFalse(logLines.get(0).contains(CANARY));
    }

    @Test
    void aNullModelResponseIsAnInternalErrorNotAThrow() {
        ScoringResponse response = scorer(CONFIG, (request, timeout) -> null).score(post("{\"data\":[[0,1]]}"));
        assertError(response, 500, "INTERNAL_ERROR");
    }

    @Test
    void theLogLineHasTheBatchFieldsAndNoRowData() {
        ScoringResponse ok = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post("{\"data\":[[0,[1,\"" + CANARY + "\"]],[1,[2,\"" + CANARY + "\"]]]}"));
        assertEquals(200, ok.statusCode());
        JsonNode log = onlyLogLine();
        assertEquals("01b2-query", log.path("queryId").asText());
        assertEquals("01b2-batch-7", log.path("batchId").asText());
        assertEquals("DB.PUBLIC.SAGEMAKER_INVOKE", log.path("function").asText());
        assertEquals("churn-model", log.path("endpoint").asText());
        assertEquals(2, log.path("rows").asInt());
        assertEquals(1, log.path("chunks").asInt());
        assertTrue(log.path("bytesIn").asInt() > 0);
        assertEquals(ok.body().length, log.path("bytesOut").asInt());
        assertTrue(log.has("modelMs"));
        assertTrue(log.has("totalMs"));
        assertEquals(200, log.path("status").asInt());
        assertTrue(log.path("error").isMissingNode());
        assertFalse(logLines.get(0).contains(CANARY));
    }

    @Test
    void noFailureLeaksRowDataIntoTheLogOrTheBody() {
        String batch = "{\"data\":[[0,\"" + CANARY + "\"]]}";
        logLines.clear();
        ScoringResponse keys = scorer(CONFIG, (request, timeout) -> new ModelResponse("application/json",
                ("{\"label\":\"" + CANARY + "\"}").getBytes(StandardCharsets.UTF_8))).score(post(batch));
        assertError(keys, 400, "MODEL_RESPONSE_INVALID");
        assertTrue(keys.bodyAsString().contains("1 key but none of [predictions"), keys.bodyAsString());
        assertFalse(keys.bodyAsString().contains(CANARY));
        assertFalse(logLines.get(0).contains(CANARY));
        List<ModelInvoker> failures = List.of(
                (request, timeout) -> new ModelResponse("application/json",
                        ("{\"oops\":\"" + CANARY).getBytes(StandardCharsets.UTF_8)),
                (request, timeout) -> new ModelResponse("text/csv", (CANARY + "\n" + CANARY).getBytes(
                        StandardCharsets.UTF_8)));
        for (ModelInvoker invoker : failures) {
            logLines.clear();
            ScoringResponse response = scorer(CONFIG, invoker).score(post(batch));
            assertEquals(400, response.statusCode());
            assertFalse(logLines.get(0).contains(CANARY), logLines.get(0));
            assertFalse(response.bodyAsString().contains(CANARY), response.bodyAsString());
        }
        logLines.clear();
        ScoringResponse badRow = scorer(CONFIG, (request, timeout) -> FakeModels.firstFeature(request))
                .score(post("{\"data\":[[0,\"" + CANARY + "\"],[\"" + CANARY + "\",1]]}"));
        assertError(badRow, 400, "INVALID_BATCH");
        assertFalse(badRow.bodyAsString().contains(CANARY));
        assertFalse(logLines.get(0).contains(CANARY));
    }

    @Test
    void aBrokenLogSinkDoesNotCostTheAnswer() {
        ScoringResponse response = BatchScorer.builder().config(CONFIG)
                .invoker((request, timeout) -> FakeModels.firstFeature(request))
                .logSink(line -> {
                    throw new IllegalStateException("log down");
                }).build().score(post("{\"data\":[[0,1]]}"));
        assertEquals(200, response.statusCode());
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> BatchScorer.builder().config(CONFIG).build());
        assertEquals("invoker", missing.getMessage());
        assertNull(assertThrows(NullPointerException.class, () -> BatchScorer.builder().build()).getCause());
    }
}
