package dev.sqlscore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteResponse;

/**
 * Reads block without a socket timeout and {@link ReadTimeouts} ends the ones that wait too long: a body that stops
 * half way fails as a read timeout, a read that waits less than the timeout is never cut, however long the
 * connection lives, and the watching thread goes away with the last connection. The preemptive bounds only stop a
 * test that would otherwise hang.
 */
class ReadTimeoutsTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String OK_ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n0.5\n1\n";

    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static SocketHttpClient client() {
        return SocketHttpClient.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(READ_TIMEOUT).build();
    }

    @Test
    void aBodyThatStopsHalfWayFailsAtTheReadTimeoutAndEndsItsConnection() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            ScriptedServer.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n0.5");
            drain(in);
        });
        try (SocketHttpClient client = client()) {
            HttpExecuteResponse response = HttpCalls.post(client, server.uri("/x"), new byte[] {'1'}, null);
            long start = System.nanoTime();
            SocketTimeoutException timeout = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(SocketTimeoutException.class, () -> HttpCalls.text(response)));
            long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals("Read timed out", timeout.getMessage());
            assertTrue(waitedMillis >= READ_TIMEOUT.toMillis(), "cut after " + waitedMillis + " ms");
            assertEquals(0, client.idleConnections(server.uri("/")));
        }
    }

    @Test
    void readsThatWaitLessThanTheTimeoutAreNeverCutHoweverLongTheConnectionLives() throws IOException {
        long answerAfterMillis = READ_TIMEOUT.toMillis() / 2;
        server = new ScriptedServer((connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                pause(answerAfterMillis);
                ScriptedServer.write(connection, OK_ANSWER);
            }
        });
        try (SocketHttpClient client = client()) {
            // Five calls, each waiting half the timeout: the connection lives well past the timeout.
            for (int call = 0; call < 5; call++) {
                assertEquals("0.5\n1\n", HttpCalls.text(HttpCalls.post(client, server.uri("/x"), new byte[] {'1'},
                        null)), "call " + call);
            }
        }
        assertEquals(1, server.connectionsAccepted());
    }

    @Test
    void theWatchingThreadEndsWithTheClientsLastConnection() throws Exception {
        server = new ScriptedServer((connection, in) -> {
            while (ScriptedServer.readRequest(in) != null) {
                ScriptedServer.write(connection, OK_ANSWER);
            }
        });
        SocketHttpClient client = client();
        assertFalse(client.readTimeouts.watching(), "a thread before any connection");
        try (client) {
            assertEquals("0.5\n1\n", HttpCalls.text(HttpCalls.post(client, server.uri("/x"), new byte[] {'1'}, null)));
            assertTrue(client.readTimeouts.watching(), "a connection is open, and nothing watches its reads");
        }
        for (int i = 0; i < 300 && client.readTimeouts.watching(); i++) {
            Thread.sleep(10);
        }
        assertFalse(client.readTimeouts.watching(), "the watching thread outlived the client's connections");
    }

    private static void drain(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // the client's bytes, unanswered
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
