package dev.sqlscore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteResponse;

/**
 * Servers that stall or speak out of turn: a call never waits past its timeouts (the handshake's included), an
 * empty body puts nothing on the wire after the head, and a connection the server wrote to unasked is not reused.
 * The preemptive bounds are ten times the timeouts under test: they only stop a test that would otherwise hang.
 */
class SocketHttpClientStallTest {

    private static final String OK_ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n0.5\n1\n";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Reads what the client sends and never writes a byte. */
    private static void neverAnswer(Socket connection, InputStream in) throws IOException {
        while (in.read() >= 0) {
            // the client's bytes, unanswered
        }
    }

    private static HttpExecuteResponse post(SocketHttpClient client, URI uri, byte[] body) throws IOException {
        return HttpCalls.post(client, uri, body, null);
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        return HttpCalls.text(response);
    }

    @Test
    void aServerThatNeverAnswersFailsTheCallAtTheReadTimeout() throws IOException {
        server = new ScriptedServer(SocketHttpClientStallTest::neverAnswer);
        try (SocketHttpClient client = SocketHttpClient.builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofMillis(300)).build()) {
            assertTimeoutPreemptively(BOUND, () -> assertThrows(SocketTimeoutException.class,
                    () -> post(client, server.uri("/invocations"), new byte[] {'1'})));
            assertEquals(0, client.idleConnections(server.uri("/")), "a timed-out connection is not kept");
        }
    }

    @Test
    void aTlsHandshakeNobodyAnswersFailsAtTheConnectTimeout() throws IOException {
        server = new ScriptedServer(SocketHttpClientStallTest::neverAnswer);
        URI https = URI.create(server.uri("/invocations").toString().replace("http:", "https:"));
        try (SocketHttpClient client = SocketHttpClient.builder().connectTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofMinutes(5)).build()) {
            assertTimeoutPreemptively(BOUND, () -> assertThrows(SocketTimeoutException.class,
                    () -> post(client, https, new byte[] {'1'})));
        }
    }

    @Test
    void anEmptyBodyPutsNothingOnTheWireAfterTheHead() throws IOException {
        List<String> heads = new CopyOnWriteArrayList<>();
        server = new ScriptedServer((connection, in) -> {
            for (String head = ScriptedServer.readRequest(in); head != null; head = ScriptedServer.readRequest(in)) {
                heads.add(head);
                ScriptedServer.write(connection, OK_ANSWER);
            }
        });
        try (SocketHttpClient client = SocketHttpClient.builder().build()) {
            for (int i = 0; i < 3; i++) {
                assertEquals("0.5\n1\n", body(post(client, server.uri("/ping"), new byte[0])));
            }
        }
        assertEquals(1, server.connectionsAccepted());
        assertEquals(3, heads.size(), heads.toString());
        assertTrue(heads.stream().allMatch(head -> head.startsWith("POST /ping HTTP/1.1\r\n")
                && head.contains("\r\nContent-Length: 0\r\n")), heads.toString());
    }

    @Test
    void aConnectionTheServerWroteToUnaskedIsNotReused() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                // an answer, and then one nobody asked for: whatever comes next on this connection is suspect
                ScriptedServer.write(connection, OK_ANSWER + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale");
            }
        });
        try (SocketHttpClient client = SocketHttpClient.builder().build()) {
            for (int i = 0; i < 3; i++) {
                assertEquals("0.5\n1\n", body(post(client, server.uri("/x"), new byte[] {'1'})));
            }
        }
        assertEquals(3, server.connectionsAccepted());
    }

    /** Answers every request on a connection, and counts the connections the client ended. */
    private ScriptedServer answeringAndCountingCloses(String answer, AtomicInteger endedByClient) throws IOException {
        return new ScriptedServer((connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                ScriptedServer.write(connection, answer);
            }
            endedByClient.incrementAndGet();
        });
    }

    /** Waits, within the bound, until {@code count} reaches {@code expected}; false when it never does. */
    private static boolean reaches(AtomicInteger count, int expected) throws InterruptedException {
        for (long end = System.nanoTime() + BOUND.toNanos(); System.nanoTime() < end; Thread.sleep(5)) {
            if (count.get() >= expected) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noConnectionOutlivesTheClient() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        SocketHttpClient client = SocketHttpClient.builder().build();
        HttpExecuteResponse first = post(client, server.uri("/a"), new byte[] {'1'});
        assertEquals("0.5\n1\n", body(post(client, server.uri("/b"), new byte[] {'1'})));
        assertEquals("0.5\n1\n", body(first));
        assertEquals(2, client.idleConnections(server.uri("/")));
        assertEquals(0, ended.get());

        client.close();

        assertTrue(reaches(ended, 2), ended.get() + " of 2 connections ended");
    }

    @Test
    void aConnectionIdlePastItsLimitIsClosedWhenNextLookedFor() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        try (SocketHttpClient client = SocketHttpClient.builder().maxIdleTime(Duration.ofMillis(1)).build()) {
            assertEquals("0.5\n1\n", body(post(client, server.uri("/a"), new byte[] {'1'})));
            Thread.sleep(20);
            assertEquals("0.5\n1\n", body(post(client, server.uri("/b"), new byte[] {'1'})));
            assertTrue(reaches(ended, 1), "the expired connection was left open");
            assertEquals(2, server.connectionsAccepted());
        }
    }

    /** Idle time counts from the last answer, not from the connection's start. */
    @Test
    void aConnectionInSteadyUseIsNotRetiredByItsAge() throws Exception {
        server = answeringAndCountingCloses(OK_ANSWER, new AtomicInteger());
        try (SocketHttpClient client = SocketHttpClient.builder().maxIdleTime(Duration.ofSeconds(1)).build()) {
            for (long end = System.nanoTime() + Duration.ofMillis(2_200).toNanos(); System.nanoTime() < end; ) {
                assertEquals("0.5\n1\n", body(post(client, server.uri("/a"), new byte[] {'1'})));
                Thread.sleep(2);
            }
        }
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void aCallThatFailsClosesItsConnection() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses("SSH-2.0-OpenSSH_9.6\r\n\r\n", ended);
        try (SocketHttpClient client = SocketHttpClient.builder().build()) {
            assertThrows(HttpProtocolException.class, () -> post(client, server.uri("/a"), new byte[] {'1'}));
            assertTrue(reaches(ended, 1), "the failed call's connection was left open");
        }
    }

    @Test
    void aBodyLeftUnreadClosesItsConnection() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        try (SocketHttpClient client = SocketHttpClient.builder().build()) {
            HttpExecuteResponse response = post(client, server.uri("/a"), new byte[] {'1'});
            try (InputStream in = response.responseBody().orElseThrow()) {
                assertEquals('0', in.read());
            }
            assertTrue(reaches(ended, 1), "a connection with unread answer bytes was left open");
            assertEquals(0, client.idleConnections(server.uri("/")));
        }
    }

    @Test
    void aConnectionPastTheIdleNumberIsClosedAtOnce() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        try (SocketHttpClient client = SocketHttpClient.builder().maxIdleConnections(1).build()) {
            HttpExecuteResponse first = post(client, server.uri("/a"), new byte[] {'1'});
            HttpExecuteResponse second = post(client, server.uri("/b"), new byte[] {'1'});
            assertEquals("0.5\n1\n", body(first));
            assertEquals(0, ended.get());
            assertEquals("0.5\n1\n", body(second));
            assertTrue(reaches(ended, 1), "the connection past the number kept was left open");
            assertEquals(1, client.idleConnections(server.uri("/")));
        }
    }

    @Test
    void anAnswerReadAfterTheClientClosedEndsItsConnection() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        SocketHttpClient client = SocketHttpClient.builder().build();
        HttpExecuteResponse response = post(client, server.uri("/a"), new byte[] {'1'});
        client.close();
        assertEquals("0.5\n1\n", body(response));
        assertTrue(reaches(ended, 1), "a connection came back to a closed client and stayed open");
    }

    @Test
    void withNoIdleConnectionsKeptEveryCallHasItsOwn() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        server = answeringAndCountingCloses(OK_ANSWER, ended);
        try (SocketHttpClient client = SocketHttpClient.builder().maxIdleConnections(0).build()) {
            for (int i = 0; i < 3; i++) {
                assertEquals("0.5\n1\n", body(post(client, server.uri("/a"), new byte[] {'1'})));
            }
            assertEquals(3, server.connectionsAccepted());
            assertTrue(reaches(ended, 3), ended.get() + " of 3 connections ended");
        }
    }
}
