package dev.sqlscore.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.snowflake.Gzip;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalApiServerTest {

    private static final String BODY = "{\"data\":[[0,[1,2]],[1,[3,4]]]}";

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private URI start(RequestStreamHandler handler, boolean decompress, Duration integrationTimeout)
            throws Exception {
        server = LocalApiServer.builder().handler(handler).port(0).stage("dev")
                .minimumCompressionSize(decompress ? 1024 : null)
                .integrationTimeout(integrationTimeout).log(line -> { }).start();
        return server.uri();
    }

    private HttpResponse<String> post(URI uri, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void gzipRequestReachesTheHandlerDecompressedAsApiGatewayBuildsIt() throws Exception {
        EchoHandler handler = new EchoHandler();
        URI uri = URI.create(start(handler, true, Duration.ofSeconds(29)) + "?a=1&a=2&b=x%20y");
        HttpResponse<String> response = post(uri, Gzip.compress(BODY.getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip", "sf-external-function-format", "json", "X-Twice", "one", "X-Twice", "two");

        assertEquals(200, response.statusCode());
        assertEquals("{\"data\":[[1,[3,4]],[0,[1,2]]]}", response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode event = handler.events.get(0);
        assertEquals(BODY, event.get("body").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        assertEquals("POST", event.get("httpMethod").asText());
        assertEquals("/score", event.get("path").asText());
        assertEquals("json", header(event.get("headers"), "sf-external-function-format").asText());
        assertEquals("gzip", header(event.get("headers"), "content-encoding").asText());
        assertEquals("two", header(event.get("headers"), "x-twice").asText());
        assertEquals(2, header(event.get("multiValueHeaders"), "x-twice").size());
        assertEquals("2", event.at("/queryStringParameters/a").asText());
        assertEquals("x y", event.at("/queryStringParameters/b").asText());
        assertEquals(2, event.at("/multiValueQueryStringParameters/a").size());
        assertEquals("dev", event.at("/requestContext/stage").asText());
        assertEquals("/dev/score", event.at("/requestContext/path").asText());
        assertEquals("127.0.0.1", event.at("/requestContext/identity/sourceIp").asText());
        assertFalse(event.at("/requestContext/requestId").asText().isEmpty());
    }

    @Test
    void withoutDecompressionGzipArrivesBase64Encoded() throws Exception {
        EchoHandler handler = new EchoHandler();
        URI uri = start(handler, false, Duration.ofSeconds(29));
        byte[] gzip = Gzip.compress(BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, post(uri, gzip, "Content-Encoding", "gzip").statusCode());
        JsonNode event = handler.events.get(0);
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(gzip), event.get("body").asText());
    }

    @Test
    void gatewayAnswersOnItsOwnAsApiGatewayDoes() throws Exception {
        URI uri = start(new EchoHandler(), true, Duration.ofSeconds(29));
        HttpResponse<String> notGzip = post(uri, BODY.getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertEquals(400, notGzip.statusCode());
        assertTrue(notGzip.body().contains("not gzip"), notGzip.body());

        assertEquals(413, post(uri, new byte[LocalApiServer.MAX_BODY_BYTES + 1]).statusCode());
        HttpResponse<String> overLambda = post(uri, "x".repeat(LocalLambda.MAX_EVENT_BYTES)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(413, overLambda.statusCode());
        assertEquals("{\"message\":\"Request Too Long\"}", overLambda.body());
    }

    @Test
    void onlyPostAndGetOnTheFunctionsResourceReachTheHandler() throws Exception {
        EchoHandler handler = new EchoHandler();
        URI uri = start(handler, true, Duration.ofSeconds(29));
        assertEquals("/dev/score", uri.getPath());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(BODY))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, put.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", put.body());
        assertEquals(403, post(uri.resolve("/score"), BODY.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertTrue(handler.events.isEmpty());
        // Snowflake's poll of an asynchronous function: a GET with no body reaches the handler as such.
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(1, handler.events.size());
        assertEquals("GET", handler.events.get(0).get("httpMethod").asText());
        assertTrue(handler.events.get(0).get("body").isNull());
    }

    @Test
    void answersAtTheMinimumCompressionSizeAreGzippedForClientsThatAcceptIt() throws Exception {
        StringBuilder rows = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 200; i++) {
            rows.append(i == 0 ? "" : ",").append("[").append(i).append(",\"abcdef\"]");
        }
        byte[] big = rows.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        URI uri = start(new EchoHandler(), true, Duration.ofSeconds(29));
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "deflate, gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElseThrow());
        String answer = new String(Gzip.decompress(gzipped.body()), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("{\"data\":[[199,\"abcdef\"]"), answer);

        assertFalse(post(uri, big).headers().firstValue("content-encoding").isPresent());
        assertFalse(post(uri, BODY.getBytes(StandardCharsets.UTF_8), "Accept-Encoding", "gzip").headers()
                .firstValue("content-encoding").isPresent());
        server.close();
        URI off = start(new EchoHandler(), false, Duration.ofSeconds(29));
        assertFalse(post(off, big, "Accept-Encoding", "gzip").headers().firstValue("content-encoding").isPresent());
    }

    @Test
    void handlerFailuresBecome502() throws Exception {
        URI throwing = start((in, out, context) -> {
            throw new IllegalStateException("boom");
        }, true, Duration.ofSeconds(29));
        HttpResponse<String> response = post(throwing, BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(502, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        server.close();

        URI malformed = start((in, out, context) -> out.write("{\"body\":\"no status\"}".getBytes(
                StandardCharsets.UTF_8)), true, Duration.ofSeconds(29));
        assertEquals(502, post(malformed, BODY.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void slowHandlerGets504AtTheIntegrationTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI uri = start((in, out, context) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, true, Duration.ofMillis(300));
        try {
            HttpResponse<String> response = post(uri, BODY.getBytes(StandardCharsets.UTF_8));
            assertEquals(504, response.statusCode());
            assertEquals("{\"message\":\"Endpoint request timed out\"}", response.body());
        } finally {
            release.countDown();
        }
    }

    @Test
    void handlerMayAnswerBase64AndMultiValueHeaders() throws Exception {
        URI uri = start((in, out, context) -> out.write(("{\"statusCode\":429,\"multiValueHeaders\":"
                + "{\"X-A\":[\"1\",\"2\"]},\"isBase64Encoded\":true,\"body\":\""
                + Base64.getEncoder().encodeToString("slow down".getBytes(StandardCharsets.UTF_8)) + "\"}")
                .getBytes(StandardCharsets.UTF_8)), true, Duration.ofSeconds(29));
        HttpResponse<String> response = post(uri, BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(429, response.statusCode());
        assertEquals("slow down", response.body());
        assertEquals(2, response.headers().allValues("x-a").size());
    }

    private static JsonNode header(JsonNode headers, String name) {
        var names = headers.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return headers.get(candidate);
            }
        }
        throw new AssertionError("no header " + name + " in " + headers);
    }
}
