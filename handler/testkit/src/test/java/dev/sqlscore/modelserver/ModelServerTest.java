package dev.sqlscore.modelserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server over raw HTTP: what the SDK would hide (status codes, error headers, cut connections). */
class ModelServerTest {

    private static final String DATE = "20261123T201500Z";
    private static final String SIGNATURE = "0123456789abcdef".repeat(4);
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/sagemaker/"
            + "aws4_request, SignedHeaders=accept;content-type;host;x-amz-date, Signature=" + SIGNATURE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TestModels.Recorder model = new TestModels.Recorder(TestModels::firstFeature);
    private ModelServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private ModelServer start(FaultHook hook) {
        server = ModelServer.builder().endpoint("churn", model).faultHook(hook).start();
        return server;
    }

    private static Map<String, String> signed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", AUTHORIZATION);
        headers.put("X-Amz-Date", DATE);
        headers.put("Content-Type", "text/csv");
        headers.put("Accept", "text/csv");
        return headers;
    }

    private HttpResponse<String> post(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpointUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("1.5,2\n3,4\n"));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String message)
            throws IOException {
        assertEquals(status, response.statusCode());
        assertEquals(type, response.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.get("message").asText().contains(message), body.toString());
    }

    @Test
    void answersSignedInvocationsWithTheModelsAnswer() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.put("X-Amzn-SageMaker-Target-Variant", "blue");
        HttpResponse<String> response = post("/endpoints/churn/invocations", headers);
        assertEquals(200, response.statusCode());
        assertEquals("1.5\n3\n", response.body());
        assertEquals("text/csv", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("blue", response.headers().firstValue("X-Amzn-Invoked-Production-Variant").orElseThrow());
        assertEquals("blue", model.last().request().targetVariant());
    }

    @Test
    void refusesUnsignedRequestsAsAwsDoes() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.remove("Authorization");
        assertError(post("/endpoints/churn/invocations", headers), 403, "MissingAuthenticationTokenException",
                "Missing Authentication Token");
        assertTrue(model.invocations().isEmpty());
    }

    @Test
    void refusesSignaturesScopedToAnotherService() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.put("Authorization", AUTHORIZATION.replace("/sagemaker/", "/execute-api/"));
        assertError(post("/endpoints/churn/invocations", headers), 403, "InvalidSignatureException",
                "Credential should be scoped to correct service: 'sagemaker'");
    }

    @Test
    void refusesIncompleteSignatures() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.put("Authorization", AUTHORIZATION.substring(0, AUTHORIZATION.indexOf(", Signature=")));
        headers.remove("X-Amz-Date");
        HttpResponse<String> response = post("/endpoints/churn/invocations", headers);
        assertError(response, 403, "IncompleteSignatureException", "requires 'Signature' parameter");
        assertTrue(response.body().contains("'X-Amz-Date'"), response.body());
    }

    @Test
    void refusesSignaturesWhoseScopeDateIsNotTheRequestDate() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.put("X-Amz-Date", "20261124T000001Z");
        assertError(post("/endpoints/churn/invocations", headers), 403, "InvalidSignatureException",
                "Date in Credential scope does not match");
    }

    @Test
    void answersUnknownEndpointsAndOperationsAsSageMakerDoes() throws Exception {
        start(FaultHook.NONE);
        assertError(post("/endpoints/nope/invocations", signed()), 400, "ValidationError",
                "Endpoint nope of account 000000000000 not found.");
        assertError(post("/endpoints/churn/other", signed()), 404, "UnknownOperationException", "Unknown operation");
    }

    @Test
    void requiresContentTypeAndAccept() throws Exception {
        start(FaultHook.NONE);
        Map<String, String> headers = signed();
        headers.remove("Accept");
        assertError(post("/endpoints/churn/invocations", headers), 400, "ValidationError", "Accept");
    }

    @Test
    void relaysAContainerErrorAsModelError() throws Exception {
        start(invocation -> FaultHook.Action.reply(Reply.containerError(415, "unsupported: 1.5,2")));
        HttpResponse<String> response = post("/endpoints/churn/invocations", signed());
        assertError(response, 424, "ModelError", "Received client error (415) from primary");
        JsonNode body = JSON.readTree(response.body());
        assertEquals(415, body.get("OriginalStatusCode").asInt());
        assertEquals("unsupported: 1.5,2", body.get("OriginalMessage").asText());
        assertTrue(body.get("LogStreamArn").asText().contains(":log-group:/aws/sagemaker/Endpoints/churn:"));
    }

    @Test
    void aModelThatThrowsIsACrashedContainer() throws Exception {
        server = ModelServer.builder().endpoint("churn", invocation -> {
            throw new IllegalStateException("boom");
        }).start();
        HttpResponse<String> response = post("/endpoints/churn/invocations", signed());
        assertEquals(424, response.statusCode());
        assertEquals(500, JSON.readTree(response.body()).get("OriginalStatusCode").asInt());
    }

    @Test
    void truncatedAnswersAndDroppedConnectionsFailOnTheClient() throws Exception {
        start(invocation -> FaultHook.Action.truncateAnswer());
        assertThrows(IOException.class, () -> post("/endpoints/churn/invocations", signed()));
        assertEquals(1, model.invocations().size(), "the model answered; its answer was cut");
        server.close();

        start(invocation -> FaultHook.Action.dropConnection());
        assertThrows(IOException.class, () -> post("/endpoints/churn/invocations", signed()));
    }

    @Test
    void closeInterruptsADelayedRequest() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        start(invocation -> {
            arrived.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return FaultHook.Action.proceed();
        });
        Thread client = Thread.ofVirtual().start(() -> {
            try {
                post("/endpoints/churn/invocations", signed());
            } catch (Exception expected) {
                // the connection is cut by close()
            }
        });
        assertTrue(arrived.await(10, TimeUnit.SECONDS));
        server.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the delayed request was not interrupted");
        client.join(Duration.ofSeconds(10));
    }

    @Test
    void listensOnLoopbackOnly() {
        start(FaultHook.NONE);
        URI uri = server.endpointUri();
        assertEquals("127.0.0.1", uri.getHost());
        assertTrue(uri.getPort() > 0);
    }
}
