package dev.sqlscore.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sqlscore.crypto.NativeCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SageMaker is reached over TLS only: against an HTTPS server on loopback with a certificate made for the test
 * (by the JDK's keytool, for the name {@code localhost} only), the client talks to the name the certificate names
 * and refuses a certificate it does not trust or that names another host.
 */
class SocketHttpClientTlsTest {

    private static final String PASSWORD = "test-only";
    private static final Duration SLOW_ANSWER = Duration.ofMillis(600);
    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        LocalTls tls = LocalTls.create(dir, PASSWORD);
        SSLContext serving = tls.serving();
        trusting = tls.trusting();

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                pause(SLOW_ANSWER);
            }
            byte[] answer = ("secured " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aTrustedCertificateForTheHostCarriesCallsOnOneConnection() throws IOException {
        try (SocketHttpClient client = SocketHttpClient.builder().tlsSocketFactory(trusting.getSocketFactory())
                .build()) {
            assertEquals("secured /a", get(client, "localhost", "/a"));
            assertEquals("secured /b", get(client, "localhost", "/b"));
            assertEquals(1, client.idleConnections(uri("localhost", "/")));
        }
    }

    /** TLS over AWS-LC's AES-GCM, as the handler Lambda builds runs it, talks to the JDK's TLS server. */
    @Test
    void callsAreCarriedWithAwsLcsAesGcm() throws Exception {
        assumeTrue(NativeCrypto.install().awsLc(), NativeCrypto.status().description());
        assertEquals("sqlscore-AWS-LC", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
        try (SocketHttpClient client = SocketHttpClient.builder().tlsSocketFactory(trusting.getSocketFactory())
                .build()) {
            assertEquals("secured /c", get(client, "localhost", "/c"));
            assertEquals("secured /d", get(client, "localhost", "/d"));
        }
    }

    /**
     * The handshake is bounded by the connect timeout; the reads after it by the read timeout only. A model that takes
     * longer than the connect timeout to answer is answered.
     */
    @Test
    void anAnswerSlowerThanTheConnectTimeoutIsWaitedFor() throws IOException {
        try (SocketHttpClient client = SocketHttpClient.builder().tlsSocketFactory(trusting.getSocketFactory())
                .connectTimeout(SLOW_ANSWER.dividedBy(3)).readTimeout(SLOW_ANSWER.multipliedBy(10)).build()) {
            assertEquals("secured /slow", get(client, "localhost", "/slow"));
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        try (SocketHttpClient client = SocketHttpClient.builder().tlsSocketFactory(trusting.getSocketFactory())
                .build()) {
            SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                    () -> get(client, "127.0.0.1", "/a"));
            assertTrue(failure.getMessage().contains("127.0.0.1"), failure.getMessage());
        }
    }

    @Test
    void aCertificateNoAuthorityVouchesForIsRefused() {
        try (SocketHttpClient client = SocketHttpClient.builder().build()) {
            assertThrows(SSLHandshakeException.class, () -> get(client, "localhost", "/a"));
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI uri(String host, String path) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static String get(SocketHttpClient client, String host, String path) throws IOException {
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri(host, path)).build();
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(http).build())
                .call();
        try (InputStream body = response.responseBody().orElseThrow()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
