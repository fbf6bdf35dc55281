package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SocketHttpClient} against servers that write their answers by hand: kept connections, every framing of a
 * body, and the answers a broken server sends. Each assertion is on what reached the client or the server.
 */
class SocketHttpClientWireTest {

    private static final String OK_ANSWER =
            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 6\r\n\r\n0.5\n1\n";

    private final SocketHttpClient client = SocketHttpClient.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(20)).build();
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void callsOneAfterAnotherShareOneConnectionWithTcpNodelayOn() throws IOException {
        server = new ScriptedServer(keepAnswering(OK_ANSWER));

        for (int i = 0; i < 5; i++) {
            assertEquals("0.5\n1\n", body(call(server.uri("/invocations"))));
        }

        assertEquals(1, server.connectionsAccepted());
        Connection kept = client.pool.take(Origin.of(server.uri("/")));
        assertNotNull(kept, "the connection was not kept for the next call");
        assertTrue(kept.hasNodelay(), "Nagle's algorithm is on for the client's socket");
        kept.close();
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotReused() throws Exception {
        List<String> served = new CopyOnWriteArrayList<>();
        server = new ScriptedServer((connection, in) -> {
            served.add(ScriptedServer.readRequest(in));
            ScriptedServer.write(connection, OK_ANSWER); // then closes, without saying so in a header
        });

        assertEquals("0.5\n1\n", body(call(server.uri("/a"))));
        awaitClosedByServer();
        assertEquals("0.5\n1\n", body(call(server.uri("/b"))));

        assertEquals(2, server.connectionsAccepted());
        assertEquals(2, served.size());
    }

    /**
     * A connection used moments ago is handed out without looking for the server's close (three system calls a
     * request); once it has been idle a while, it is looked at, and one the server closed is not reused (one it kept
     * is: the next test). Bytes the server sent unasked are looked for either way.
     */
    @Test
    void onlyAConnectionIdleAWhileIsLookedAtForTheServersClose() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, OK_ANSWER);
            connection.shutdownOutput();
            closed.countDown();
        });
        assertEquals("0.5\n1\n", body(call(server.uri("/a"))));
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        Origin origin = Origin.of(server.uri("/"));

        Connection fresh = client.pool.take(origin);
        assertNotNull(fresh, "a connection idle for less than the look-after time is taken as open");
        client.pool.release(fresh);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ConnectionPool.LOOK_AFTER_IDLE_NANOS) + 20);
        assertNull(client.pool.take(origin), "a connection idle a while is looked at, and the server closed it");
    }

    @Test
    void aConnectionIdleAWhileThatTheServerKeptIsReusedAfterTheLook() throws Exception {
        server = new ScriptedServer(keepAnswering(OK_ANSWER));

        assertEquals("0.5\n1\n", body(call(server.uri("/a"))));
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ConnectionPool.LOOK_AFTER_IDLE_NANOS) + 20);
        assertEquals("0.5\n1\n", body(call(server.uri("/b"))));

        assertEquals(1, server.connectionsAccepted(), "the look found the connection open and reused it");
    }

    @Test
    void bytesSentUnaskedAreLookedForAtEveryReuse() throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, OK_ANSWER + "unasked");
            sent.countDown();
            ScriptedServer.readRequest(in);
        });
        assertEquals("0.5\n1\n", body(call(server.uri("/a"))));
        assertTrue(sent.await(5, TimeUnit.SECONDS));
        Thread.sleep(20); // for the bytes to arrive, well within the look-after time

        assertNull(client.pool.take(Origin.of(server.uri("/"))), "a connection with bytes sent unasked was reused");
    }

    @Test
    void aChunkedAnswerIsJoinedAndItsConnectionKept() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4;name=value\r\n0.5\n\r\n" + "A\r\n0123456789\r\n" + "0\r\nX-Trailer: t\r\n\r\n");
            }
        });

        assertEquals("0.5\n0123456789", body(call(server.uri("/x"))));
        assertEquals("0.5\n0123456789", body(call(server.uri("/x"))));
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void anAnswerWithoutLengthRunsToTheCloseAndItsConnectionIsNotKept() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
        });

        assertEquals("all of it", body(call(server.uri("/x"))));
        assertEquals(0, client.idleConnections(server.uri("/")));
    }

    @Test
    void informationalAnswersArePassedOver() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\n"
                    + OK_ANSWER);
        });

        HttpExecuteResponse response = call(server.uri("/x"));
        assertEquals(200, response.httpResponse().statusCode());
        assertEquals("0.5\n1\n", body(response));
    }

    @Test
    void anAnswerWithNoContentHasNoBodyAndKeepsItsConnection() throws IOException {
        server = new ScriptedServer(keepAnswering("HTTP/1.1 204 No Content\r\n\r\n"));

        HttpExecuteResponse response = call(server.uri("/x"));
        assertEquals(204, response.httpResponse().statusCode());
        assertTrue(response.responseBody().isEmpty());
        assertEquals(1, client.idleConnections(server.uri("/")));
    }

    @Test
    void aBodyCutShortOfItsLengthFailsSayingHowMuchCame() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");
        });

        HttpExecuteResponse response = call(server.uri("/x"));
        IOException failure = assertThrows(IOException.class, () -> body(response));
        assertEquals("the answer's body ended after 5 of the 10 bytes its Content-Length declares",
                failure.getMessage());
        assertEquals(0, client.idleConnections(server.uri("/")));
    }

    @Test
    void aBodyClosedBeforeItsEndClosesItsConnection() throws IOException {
        server = new ScriptedServer(keepAnswering(OK_ANSWER));

        HttpExecuteResponse response = call(server.uri("/x"));
        try (InputStream body = response.responseBody().orElseThrow()) {
            assertEquals('0', body.read());
        }

        assertEquals(0, client.idleConnections(server.uri("/")), "a connection with unread bytes was kept");
        body(call(server.uri("/x")));
        assertEquals(2, server.connectionsAccepted());
    }

    @Test
    void whatIsNotAnHttpAnswerIsRefusedByName() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "SSH-2.0-OpenSSH_9.6\r\n\r\n");
        });

        HttpProtocolException failure = assertThrows(HttpProtocolException.class, () -> call(server.uri("/x")));
        assertEquals("the server did not answer with an HTTP/1.x status line: SSH-2.0-OpenSSH_9.6",
                failure.getMessage());
    }

    @Test
    void headersPastTheirLimitAreRefused() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\n");
            String header = "X-Filler: " + "f".repeat(1000) + "\r\n";
            for (int i = 0; i < 70; i++) {
                ScriptedServer.write(connection, header);
            }
        });

        HttpProtocolException failure = assertThrows(HttpProtocolException.class, () -> call(server.uri("/x")));
        assertEquals("the answer's status line and headers exceed 65536 bytes", failure.getMessage());
    }

    @Test
    void conflictingLengthsAreRefused() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n1234");
        });

        HttpProtocolException failure = assertThrows(HttpProtocolException.class, () -> call(server.uri("/x")));
        assertEquals("conflicting Content-Length values: [3, 4]", failure.getMessage());
    }

    @Test
    void aServerThatClosesWithoutAnsweringFailsTheCall() throws IOException {
        server = new ScriptedServer((connection, in) -> ScriptedServer.readRequest(in));

        HttpProtocolException failure = assertThrows(HttpProtocolException.class, () -> call(server.uri("/x")));
        assertEquals("the server closed the connection without answering", failure.getMessage());
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() throws IOException {
        server = new ScriptedServer((connection, in) -> ScriptedServer.readRequest(in));
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.uri("/x"))
                .putHeader("X-Amzn-SageMaker-Custom-Attributes", "a\r\nX-Injected: yes").build();

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> client.prepareRequest(HttpExecuteRequest.builder().request(http).build()).call());
        assertTrue(failure.getMessage().startsWith("the request header X-Amzn-SageMaker-Custom-Attributes holds a "
                + "line break"), failure.getMessage());
        assertEquals(0, server.connectionsAccepted());
    }

    @Test
    void theRequestLineCarriesThePathAndQueryAndTheHostHeaderThePort() throws IOException {
        List<String> heads = new CopyOnWriteArrayList<>();
        server = new ScriptedServer((connection, in) -> {
            heads.add(ScriptedServer.readRequest(in));
            ScriptedServer.write(connection, OK_ANSWER);
        });
        URI uri = server.uri("/endpoints/churn%2Fv2/invocations?a=1&b=%20");

        body(call(uri));

        String head = heads.get(0);
        assertTrue(head.startsWith("POST /endpoints/churn%2Fv2/invocations?a=1&b=%20 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\n"), head);
        assertTrue(head.contains("\r\nContent-Length: 3\r\n"), head);
    }

    @Test
    void aRequestBodyShorterThanItsDeclaredLengthFailsTheCallAndItsConnection() throws IOException {
        server = new ScriptedServer(keepAnswering(OK_ANSWER));
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.uri("/x"))
                .putHeader("Content-Length", "10").build();

        IOException failure = assertThrows(IOException.class, () -> client.prepareRequest(HttpExecuteRequest.builder()
                .request(http).contentStreamProvider(ContentStreamProvider.fromUtf8String("abc")).build()).call());

        assertEquals("the request body ended after 3 of the 10 bytes its Content-Length declares",
                failure.getMessage());
        assertEquals(0, client.idleConnections(server.uri("/")));
    }

    @Test
    void aHeadRequestsAnswerHasNoBodyWhateverItsLength() throws IOException {
        server = new ScriptedServer(keepAnswering("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n"));
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.HEAD).uri(server.uri("/x")).build();

        for (int i = 0; i < 2; i++) {
            HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(http).build())
                    .call();
            assertEquals(200, response.httpResponse().statusCode());
            assertTrue(response.responseBody().isEmpty());
        }
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void theBuilderRefusesValuesThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> SocketHttpClient.builder().readTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> SocketHttpClient.builder().connectTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> SocketHttpClient.builder().maxIdleConnections(-1));
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("ftp://host/x")));
    }

    /** A server that answers every request on a connection the same way, keeping the connection open. */
    private static ScriptedServer.Script keepAnswering(String answer) {
        return (connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                ScriptedServer.write(connection, answer);
            }
        };
    }

    private void awaitClosedByServer() throws InterruptedException {
        // The script returns after its answer and the server closes the socket; give the FIN a moment to arrive. The
        // pool looks for a close only once a connection has been idle a while: wait that long before each look.
        for (int i = 0; i < 20 && server.connectionsAccepted() == 1; i++) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ConnectionPool.LOOK_AFTER_IDLE_NANOS) + 20);
            Connection kept = client.pool.take(Origin.of(server.uri("/")));
            if (kept == null) {
                return;
            }
            client.pool.release(kept);
        }
    }

    private HttpExecuteResponse call(URI uri) throws IOException {
        return call(client, uri);
    }

    private static HttpExecuteResponse call(SocketHttpClient client, URI uri) throws IOException {
        return HttpCalls.post(client, uri, "1,2".getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        return HttpCalls.text(response);
    }

    @Test
    void idleConnectionsPastTheirNumberAreClosedColdestFirstAndNoneOutlivesTheClient() throws IOException {
        server = new ScriptedServer(keepAnswering(OK_ANSWER));
        try (SocketHttpClient one = SocketHttpClient.builder().maxIdleConnections(1).build()) {
            HttpExecuteResponse first = call(one, server.uri("/a"));
            HttpExecuteResponse second = call(one, server.uri("/b")); // the first still holds its connection
            assertEquals("0.5\n1\n", body(first));
            assertEquals("0.5\n1\n", body(second));
            assertEquals(2, server.connectionsAccepted());
            assertEquals(1, one.idleConnections(server.uri("/")));

            HttpExecuteResponse third = call(one, server.uri("/c"));
            one.close();
            assertEquals(0, one.idleConnections(server.uri("/")));
            assertEquals("0.5\n1\n", body(third)); // its connection ends with it instead of going back
            assertEquals(0, one.idleConnections(server.uri("/")));
        }
    }

    @Test
    void anIdleConnectionIsKeptOnlyUntilItsLimit() throws Exception {
        try (SocketHttpClient shortLived = SocketHttpClient.builder().maxIdleTime(Duration.ofMillis(1)).build()) {
            server = new ScriptedServer(keepAnswering(OK_ANSWER));
            SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(server.uri("/x")).build();
            for (int i = 0; i < 2; i++) {
                body(shortLived.prepareRequest(HttpExecuteRequest.builder().request(http).build()).call());
                Thread.sleep(5);
            }
            assertEquals(2, server.connectionsAccepted());
            assertFalse(shortLived.idleConnections(server.uri("/")) > 1);
        }
    }
}
