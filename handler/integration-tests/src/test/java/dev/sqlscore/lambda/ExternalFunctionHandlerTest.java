package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.crypto.NativeCrypto;
import dev.sqlscore.local.demo.AwsEndpointOverride;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.modelserver.TestModels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handler end to end: API Gateway proxy events in, the real SDK client to the local SageMaker-protocol
 * server, proxy responses out.
 */
class ExternalFunctionHandlerTest {

    static final String ENDPOINT = HandlerHarness.ENDPOINT;
    static final String CANARY = "CANARY-row-data-9921";

    HandlerHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    HandlerHarness start(Model model) {
        harness = new HandlerHarness(model);
        return harness;
    }

    @Test
    void scoresAnApiGatewayEventAndForwardsTheFunctionsSettings() {
        TestModels.Recorder model = new TestModels.Recorder(TestModels::firstFeature);
        TestEvents.Answer answer = start(model).call(TestEvents.file("snowflake-batch.json"));

        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("application/json", answer.response().get("headers").get("Content-Type").asText());
        assertFalse(answer.response().get("isBase64Encoded").asBoolean());
        assertEquals("[[0,-1.0],[1,-0.5],[2,0.0]]", answer.body().get("data").toString());
        Invocation sent = model.last();
        assertEquals(ENDPOINT, sent.request().endpointName());
        assertEquals("text/csv", sent.request().contentType());
        assertEquals("text/csv", sent.request().accept());
        assertEquals("churn-v7.tar.gz", sent.request().targetModel());
        assertEquals("blue", sent.request().targetVariant());
        assertEquals("churn-ic", sent.request().inferenceComponent());
        assertEquals("trace=1", sent.request().customAttributes());
        assertTrue(sent.headers().first("Authorization").orElseThrow().contains("/us-east-1/sagemaker/aws4_request"));
    }

    @Test
    void decodesBase64GzipBodies() {
        TestEvents.Answer answer = start(TestModels::firstFeature)
                .call(TestEvents.file("snowflake-batch-gzip-base64.json"));
        assertEquals(200, answer.status(), answer.body().toString());
        JsonNode data = answer.body().get("data");
        assertEquals(500, data.size());
        for (int row = 0; row < data.size(); row++) {
            assertEquals(row, data.get(row).get(0).asInt());
            assertEquals(row * 0.5 - 1, data.get(row).get(1).asDouble(), 1e-9);
        }
    }

    @Test
    void readsHeadersFromMultiValueHeadersAlone() {
        TestEvents.Answer answer = start(TestModels::firstFeature)
                .call(TestEvents.file("snowflake-batch-multivalue-headers-only.json"));
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(3, answer.body().get("data").size());
    }

    @Test
    void logsOneLinePerBatchWithIdsAndCountsButNoRowData() {
        Map<String, String> headers = TestEvents.snowflakeHeaders(ENDPOINT, "text/csv");
        byte[] batch = ("{\"data\":[[0,[1.5,\"" + CANARY + "\"]],[1,[2.5,\"x\"]]]}").getBytes(StandardCharsets.UTF_8);
        TestEvents.Answer answer = start(TestModels::firstFeature).call(TestEvents.post(headers, batch, false));

        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(1, harness.logLines.size(), harness.logLines.toString());
        String line = harness.logLines.getFirst();
        assertTrue(line.contains("\"queryId\":\"01b8a1c2-query\""), line);
        assertTrue(line.contains("\"endpoint\":\"" + ENDPOINT + "\""), line);
        assertTrue(line.contains("\"rows\":2"), line);
        assertFalse(line.contains(CANARY), line);
    }

    /** The first batch of an environment says how it started, as a metric of its own; later ones do not. */
    @Test
    void theFirstBatchOfAnEnvironmentCountsItsColdStartOrRestore() throws Exception {
        HandlerHarness handler = start(TestModels::firstFeature);
        byte[] event = TestEvents.post(TestEvents.snowflakeHeaders(ENDPOINT, "text/csv"),
                "{\"data\":[[0,[1.5]]]}".getBytes(StandardCharsets.UTF_8), false);
        handler.call(event);
        handler.call(event);
        handler.handler().priming().afterRestore(null);
        handler.call(event);

        assertEquals(2, harness.startLines.size(), harness.startLines.toString());
        var cold = new ObjectMapper().readTree(harness.startLines.get(0));
        assertEquals("cold", cold.get("start").asText());
        assertEquals(NativeCrypto.status().description(), cold.get("crypto").asText());
        assertEquals(1, cold.get("coldStarts").asInt());
        var directive = cold.at("/_aws/CloudWatchMetrics/0");
        assertEquals("sqlscore", directive.get("Namespace").asText());
        assertEquals("[[]]", directive.get("Dimensions").toString());
        assertEquals("coldStarts", directive.at("/Metrics/0/Name").asText());
        var restore = new ObjectMapper().readTree(harness.startLines.get(1));
        assertEquals(1, restore.get("restores").asInt());
        assertEquals("restores", restore.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals(3, harness.logLines.size());
    }

    @Test
    void answersMalformedEventsWith400AndNeverThrows() {
        HandlerHarness handler = start(TestModels::firstFeature);
        Map<String, String> cases = Map.of(
                "{\"httpMethod\":\"POST\",\"body\":\"" + CANARY + "\" oops", "is not valid JSON (error at line 1",
                "[1,2]", "is not a JSON object",
                "{\"httpMethod\":\"POST\",\"headers\":\"sf-custom-x\"}", "headers field that is not a JSON object",
                "{\"httpMethod\":\"POST\",\"body\":{\"data\":[]}}", "body that is not a JSON string",
                "{\"httpMethod\":\"POST\",\"body\":\"{}\",\"isBase64Encoded\":\"yes\"}", "isBase64Encoded field",
                "", "is not a JSON object");
        cases.forEach((event, message) -> {
            TestEvents.Answer answer = handler.call(event.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, answer.status(), event);
            assertEquals(ProxyExchange.INVALID_EVENT, answer.error());
            assertTrue(answer.message().contains(message), answer.message());
            assertTrue(answer.message().contains("API Gateway REST API proxy events"), answer.message());
            assertFalse(answer.message().contains(CANARY), answer.message());
        });
        TestEvents.Answer notProxy = handler.call(TestEvents.file("malformed-not-a-proxy-event.json"));
        assertEquals(400, notProxy.status());
        assertTrue(notProxy.message().contains("has no httpMethod"), notProxy.message());
        TestEvents.Answer badBase64 = handler.call(TestEvents.file("malformed-base64-body.json"));
        assertEquals(400, badBase64.status());
        assertTrue(badBase64.message().contains("not valid base64"), badBase64.message());
        assertEquals(0, harness.attempts.get(), "no model call for a malformed event");
        assertTrue(harness.logLines.stream().allMatch(line -> line.contains("\"error\":\"INVALID_EVENT\"")),
                harness.logLines.toString());
    }

    @Test
    void anAsynchronousPollIsRefusedAsTheHandlerNeverStartsOne() {
        String event = "{\"httpMethod\":\"GET\",\"headers\":{\"sf-custom-sagemaker-endpoint-name\":\"" + ENDPOINT
                + "\"},\"body\":null,\"isBase64Encoded\":false}";
        TestEvents.Answer answer = start(TestModels::firstFeature).call(event.getBytes(StandardCharsets.UTF_8));
        assertEquals(405, answer.status(), answer.body().toString());
        assertEquals("METHOD_NOT_ALLOWED", answer.error());
    }

    @Test
    void anAnswerOverLambdasLimitOnlyOnceEscapedIs413() {
        int rows = 1_000;
        // Each value is 2,500 quotes: 5,000 bytes in Snowflake's JSON body, 10,000 once escaped into the proxy
        // response.
        Model quotes = invocation -> Reply.answer("application/json", "{\"predictions\":["
                + ("\"" + "\\\"".repeat(2_500) + "\",").repeat(rows - 1) + "\"" + "\\\"".repeat(2_500) + "\"]}");
        HandlerHarness handler = start(quotes);
        byte[] event = TestEvents.post(TestEvents.snowflakeHeaders(ENDPOINT, "application/json"),
                TestEvents.churnBatch(rows), true);
        TestEvents.Answer answer = handler.call(event);

        assertEquals(413, answer.status(), answer.body().toString());
        assertEquals(ProxyExchange.RESPONSE_TOO_LARGE, answer.error());
        assertTrue(answer.message().contains("Lower MAX_BATCH_ROWS on the external function"), answer.message());
        String scorerLine = harness.logLines.getFirst();
        long bodyBytes = Long.parseLong(scorerLine.replaceAll(".*\"bytesOut\":(\\d+).*", "$1"));
        assertTrue(bodyBytes < ProxyResponse.MAX_BYTES, "the answer itself fits: " + scorerLine);
        assertTrue(harness.logLines.getLast().contains("\"status\":413"), harness.logLines.toString());
    }

    @Test
    void anAnswerJustUnderLambdasLimitGoesThrough() {
        int rows = 1_000;
        Model wide = invocation -> Reply.answer("application/json", "{\"predictions\":["
                + ("\"" + "a".repeat(6_000) + "\",").repeat(rows - 1) + "\"" + "a".repeat(6_000) + "\"]}");
        byte[] event = TestEvents.post(TestEvents.snowflakeHeaders(ENDPOINT, "application/json"),
                TestEvents.churnBatch(rows), true);
        TestEvents.Answer answer = start(wide).call(event);
        assertEquals(200, answer.status());
        assertEquals(rows, answer.body().get("data").size());
    }

    @Test
    void badConfigurationFailsInitializationNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExternalFunctionHandler.configFromEnvironment(Map.of("SQLSCORE_MAX_REQUEST_BYTES", "lots")));
        assertTrue(e.getMessage().contains("SQLSCORE_MAX_REQUEST_BYTES must be a whole number, got 'lots'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("redeploy"), e.getMessage());
    }

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void theLambdaEntryPointReachesTheModelThroughTheSdksEndpointOverride() {
        try (ModelServer server = ModelServer.builder().endpoint(ENDPOINT, TestModels::firstFeature).start();
             AwsEndpointOverride defaults = AwsEndpointOverride.pointAt(server.endpointUri())) {
            TestEvents.Answer answer = HandlerHarness.call(new ExternalFunctionHandler(),
                    TestEvents.file("snowflake-batch.json"), 60_000);
            assertEquals(200, answer.status(), answer.body().toString());
            assertEquals("[[0,-1.0],[1,-0.5],[2,0.0]]", answer.body().get("data").toString());
            // Lambda's entry point signs with AWS-LC's SHA-256 (this is a Linux x86_64 machine)
            assertTrue(NativeCrypto.status().awsLc(), NativeCrypto.status().description());
        }
    }
}
