package dev.sqlscore.sagemaker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The SDK's HTTP client for {@code InvokeEndpoint}: the JDK's {@link HttpURLConnection}, as the SDK's own
 * URL-connection client uses it, except for how the body reaches the socket. The SDK's client copies it 4 KB at a
 * time, each piece a system call of its own (about 250 per megabyte, counted with strace); this one declares the
 * body's length (fixed-length streaming) and writes it in pieces of 128 KB, the most the JDK's socket writes in one
 * call (8 per megabyte). Measured, the SDK call on a 1 MB batch is about a millisecond shorter (docs/performance.md).
 * Nothing else differs: the same timeouts, no redirects, {@code Accept: *}/*} when the request names none (the JDK's
 * default would be sent otherwise), the error stream for 4xx and 5xx answers, and {@link ExecutableHttpRequest#abort()}
 * closes the connection, which is how the SDK ends a call at its timeout. Thread-safe: each call opens (or takes from
 * the JDK's keep-alive cache) a connection of its own.
 */
final class StreamingUrlConnectionClient implements SdkHttpClient {

    private static final String CLIENT_NAME = "SqlscoreUrlConnection";
    /** The most the JDK's socket writes in one system call (sun.nio.ch.NioSocketImpl). */
    private static final int WRITE_SIZE = 128 * 1024;

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    StreamingUrlConnectionClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Call(request);
    }

    @Override
    public String clientName() {
        return CLIENT_NAME;
    }

    @Override
    public void close() {
        // Connections belong to the JDK's keep-alive cache; there is nothing of this client's own to release.
    }

    private final class Call implements ExecutableHttpRequest {

        private final HttpExecuteRequest request;
        private volatile HttpURLConnection connection;
        private volatile boolean aborted;

        private Call(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            SdkHttpRequest http = request.httpRequest();
            HttpURLConnection open = (HttpURLConnection) http.getUri().toURL().openConnection();
            connection = open;
            if (aborted) {
                // abort() came before there was a connection to close (both fields are volatile: one sees the other).
                throw new IOException("the request was aborted before it was sent");
            }
            open.setConnectTimeout(connectTimeoutMillis);
            open.setReadTimeout(readTimeoutMillis);
            open.setInstanceFollowRedirects(false);
            open.setRequestMethod(http.method().name());
            http.forEachHeader((name, values) -> values.forEach(value -> open.addRequestProperty(name, value)));
            if (http.firstMatchingHeader("Accept").isEmpty()) {
                open.setRequestProperty("Accept", "*/*");
            }
            Optional<ContentStreamProvider> content = request.contentStreamProvider();
            if (content.isPresent()) {
                open.setDoOutput(true);
                Optional<String> length = http.firstMatchingHeader("Content-Length");
                if (length.isPresent()) {
                    open.setFixedLengthStreamingMode(Long.parseLong(length.get().trim()));
                } else {
                    open.setChunkedStreamingMode(0);
                }
                try (InputStream body = content.get().newStream(); OutputStream out = open.getOutputStream()) {
                    copy(body, out);
                }
            }
            int status = open.getResponseCode();
            InputStream body = status >= 400 ? open.getErrorStream() : hasBody(http, status) ? open.getInputStream()
                    : null;
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder()
                            .statusCode(status)
                            .statusText(open.getResponseMessage())
                            .headers(headers(open))
                            .build())
                    .responseBody(body == null ? null : AbortableInputStream.create(body))
                    .build();
        }

        @Override
        public void abort() {
            aborted = true;
            HttpURLConnection open = connection;
            if (open != null) {
                open.disconnect();
            }
        }
    }

    /** In pieces of the size the JDK's socket writes at most, so that each piece is one system call. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] piece = new byte[WRITE_SIZE];
        for (int read = in.read(piece); read >= 0; read = in.read(piece)) {
            out.write(piece, 0, read);
        }
    }

    private static boolean hasBody(SdkHttpRequest request, int status) {
        return request.method() != SdkHttpMethod.HEAD && status != 204 && status != 304;
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                headers.put(name, values);
            }
        });
        return headers;
    }
}
