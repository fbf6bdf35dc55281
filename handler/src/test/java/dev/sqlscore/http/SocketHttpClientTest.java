package dev.sqlscore.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link SocketHttpClient} puts on the wire and hands back, against a real server on loopback. */
class SocketHttpClientTest {

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile byte[] received;
    private HttpServer server;
    private URI base;
    private final SocketHttpClient client = SocketHttpClient.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(30)).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", exchange -> {
            record(exchange);
            answer(exchange, 200, "text/csv", received.length + " bytes");
        });
        server.createContext("/refuse", exchange -> {
            record(exchange);
            answer(exchange, 424, "application/json", "{\"OriginalStatusCode\":400}");
        });
        server.createContext("/stall", exchange -> {
            record(exchange);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "text/csv", "late");
        });
        server.start();
        base = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aBodyOfKnownLengthGoesOutWithThatLengthNotChunkedAndArrivesWhole() throws IOException {
        byte[] body = new byte[3_000_001];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('0' + i % 10);
        }

        HttpExecuteResponse response = client.prepareRequest(post("/echo", body, true)).call();

        assertEquals(200, response.httpResponse().statusCode());
        assertEquals(Integer.toString(body.length), seen.get("content-length"));
        assertNull(seen.get("transfer-encoding"));
        assertArrayEquals(body, received);
        assertEquals(body.length + " bytes", read(response));
        assertEquals(List.of("text/csv"), response.httpResponse().matchingHeaders("content-type"));
    }

    @Test
    void headersGoOutAsGivenAndAcceptDefaultsToAnyType() throws IOException {
        client.prepareRequest(post("/echo", "1,2\n".getBytes(StandardCharsets.UTF_8), true)).call();

        assertEquals("text/csv", seen.get("content-type"));
        assertEquals("*/*", seen.get("accept"));
        assertEquals("sagemaker", seen.get("x-test-signing-name"));
        assertEquals("POST /echo", seen.get("request-line"));
    }

    @Test
    void aBodyOfUnknownLengthIsChunked() throws IOException {
        byte[] body = "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);

        client.prepareRequest(post("/echo", body, false)).call();

        assertEquals("chunked", seen.get("transfer-encoding"));
        assertArrayEquals(body, received);
    }

    @Test
    void anErrorAnswerComesBackWithItsStatusAndBody() throws IOException {
        HttpExecuteResponse response = client.prepareRequest(post("/refuse", new byte[] {'x'}, true)).call();

        assertEquals(424, response.httpResponse().statusCode());
        assertEquals("{\"OriginalStatusCode\":400}", read(response));
    }

    @Test
    void abortEndsACallThatIsWaitingForTheAnswer() throws Exception {
        ExecutableHttpRequest call = client.prepareRequest(post("/stall", new byte[] {'x'}, true));
        var aborter = Executors.newSingleThreadScheduledExecutor();
        try {
            aborter.schedule(call::abort, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertThrows(IOException.class, call::call);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "abort did not end the call");
        } finally {
            aborter.shutdownNow();
        }
    }

    @Test
    void aCallAbortedBeforeItStartsSendsNothing() {
        ExecutableHttpRequest call = client.prepareRequest(post("/echo", new byte[] {'x'}, true));
        call.abort();

        assertThrows(IOException.class, call::call);
        assertNull(seen.get("request-line"), "the aborted request reached the server");
    }

    private HttpExecuteRequest post(String path, byte[] body, boolean lengthKnown) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(base.resolve(path))
                .putHeader("Content-Type", "text/csv").putHeader("X-Test-Signing-Name", "sagemaker");
        if (lengthKnown) {
            http.putHeader("Content-Length", Integer.toString(body.length));
        }
        return HttpExecuteRequest.builder().request(http.build())
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)).build();
    }

    private void record(HttpExchange exchange) throws IOException {
        seen.put("request-line", exchange.getRequestMethod() + " " + exchange.getRequestURI());
        exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
        try (InputStream in = exchange.getRequestBody()) {
            received = in.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        try (InputStream body = response.responseBody().orElseThrow()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
