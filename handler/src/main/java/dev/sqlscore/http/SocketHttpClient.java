package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
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
 * The SDK's HTTP client for {@code InvokeEndpoint}: HTTP/1.1 over the JDK's sockets, kept alive between calls.
 *
 * <p>Why not the SDK's clients. The URL-connection client (the JDK's {@code HttpURLConnection}) waits a millisecond
 * on every reuse of a kept-alive connection when the body is streamed (a timed read that checks whether the server
 * closed it), never sets {@code TCP_NODELAY}, and cannot ask for quick acknowledgements: against a server that keeps
 * Nagle's algorithm on, each call waited 40 ms for a delayed ACK. The Apache and Netty clients set {@code
 * TCP_NODELAY} but not the rest, and weigh on the Lambda's cold start. This client checks a kept connection without
 * waiting (a non-blocking read, once it has been idle a while: {@link ConnectionPool}), sets {@code TCP_NODELAY},
 * asks for a quick ACK after each request, and writes the head and the body's first bytes in one system call; see
 * {@link Connection}. Measured in docs/performance.md.
 *
 * <p>What it speaks: requests with a {@code Content-Length} (or chunked when there is none), answers framed by
 * length, by chunks or by the end of the connection, informational answers passed over, no redirects followed,
 * certificates checked against the host name. No proxy: the Lambda reaches SageMaker directly or through a VPC
 * endpoint. {@link ExecutableHttpRequest#abort()} closes the connection, which is how the SDK ends a call at its
 * timeout. Thread-safe: each call has a connection of its own for as long as it runs.
 */
public final class SocketHttpClient implements SdkHttpClient {

    private static final String CLIENT_NAME = "SqlscoreSocket";

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final SSLSocketFactory tls;
    final ConnectionPool pool;

    private SocketHttpClient(Builder builder) {
        this.connectTimeoutMillis = Math.toIntExact(builder.connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(builder.readTimeout.toMillis());
        this.tls = builder.tls != null ? builder.tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
        this.pool = new ConnectionPool(builder.maxIdleConnections, builder.maxIdleTime.toNanos());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Exchange(request);
    }

    @Override
    public String clientName() {
        return CLIENT_NAME;
    }

    /** Closes the idle connections; calls in flight keep theirs until they end. */
    @Override
    public void close() {
        pool.close();
    }

    /** How many connections to {@code uri}'s origin wait for the next call. */
    public int idleConnections(URI uri) {
        return pool.idleCount(Origin.of(uri));
    }

    private final class Exchange implements ExecutableHttpRequest {

        private final HttpExecuteRequest request;
        private volatile Connection connection;
        private volatile boolean aborted;

        private Exchange(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            SdkHttpRequest http = request.httpRequest();
            Origin origin = Origin.of(http.getUri());
            Optional<ContentStreamProvider> content = request.contentStreamProvider();
            long length = content.isEmpty() ? 0 : http.firstMatchingHeader("Content-Length")
                    .map(value -> Long.parseLong(value.strip())).orElse(-1L);
            byte[] head = RequestHead.encode(http, origin, content.isPresent() && length < 0);
            Connection open = pool.take(origin);
            if (open == null) {
                open = Connection.open(origin, tls, connectTimeoutMillis, readTimeoutMillis);
            }
            connection = open;
            if (aborted) {
                // abort() came before there was a connection to close (both fields are volatile: one sees the other)
                open.close();
                throw new IOException("the request was aborted before it was sent");
            }
            try {
                if (content.isPresent()) {
                    try (InputStream body = content.get().newStream()) {
                        open.send(head, body, length);
                    }
                } else {
                    open.send(head, null, 0);
                }
                return answer(http, open, open.readHead());
            } catch (IOException | RuntimeException e) {
                open.close();
                throw e;
            }
        }

        private HttpExecuteResponse answer(SdkHttpRequest http, Connection open, ResponseHead head)
                throws IOException {
            boolean keepAlive = head.keepAlive();
            ResponseHead.Framing framing = head.framing(http.method() == SdkHttpMethod.HEAD);
            ResponseBody.Ending ending = reusable -> {
                if (reusable && keepAlive) {
                    pool.release(open);
                } else {
                    open.close();
                }
            };
            SdkHttpResponse response = SdkHttpResponse.builder()
                    .statusCode(head.status())
                    .statusText(head.reason())
                    .headers(head.headers())
                    .build();
            if (framing == ResponseHead.Framing.NONE) {
                ending.ended(true);
                return HttpExecuteResponse.builder().response(response).build();
            }
            ResponseBody body = new ResponseBody(open.input(), framing,
                    framing == ResponseHead.Framing.LENGTH ? head.contentLength() : -1, ending);
            return HttpExecuteResponse.builder().response(response)
                    .responseBody(AbortableInputStream.create(body, this::abort)).build();
        }

        @Override
        public void abort() {
            aborted = true;
            Connection open = connection;
            if (open != null) {
                open.close();
            }
        }
    }

    /** The request line and headers, as the SDK built and signed them. */
    static final class RequestHead {

        private RequestHead() {
        }

        static byte[] encode(SdkHttpRequest http, Origin origin, boolean chunked) {
            StringBuilder head = new StringBuilder(512);
            String path = http.encodedPath() == null || http.encodedPath().isEmpty() ? "/" : http.encodedPath();
            head.append(http.method().name()).append(' ').append(path);
            http.encodedQueryParameters().ifPresent(query -> head.append('?').append(query));
            head.append(" HTTP/1.1\r\n");
            if (http.firstMatchingHeader("Host").isEmpty()) {
                head.append("Host: ").append(origin.hostHeader()).append("\r\n");
            }
            if (http.firstMatchingHeader("Accept").isEmpty()) {
                head.append("Accept: */*\r\n");
            }
            http.forEachHeader((name, values) -> {
                if (chunked && name.equalsIgnoreCase("Content-Length")) {
                    return;
                }
                for (String value : values) {
                    head.append(checked(name, name)).append(": ").append(checked(name, value)).append("\r\n");
                }
            });
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        /** A line break in a header would let its value write headers of its own. */
        private static String checked(String name, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("the request header " + name.replaceAll("[\\r\\n\\x00]", "?")
                            + " holds a line break or NUL, which HTTP does not allow");
                }
            }
            return text;
        }
    }

    /** Configuration; every value has a default fit for the Lambda. */
    public static final class Builder {

        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(65);
        private Duration maxIdleTime = Duration.ofSeconds(50);
        private int maxIdleConnections = 64;
        private SSLSocketFactory tls;

        private Builder() {
        }

        /** Bounds connecting and the TLS handshake. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Bounds each wait for the server's bytes; the SDK's call timeout bounds the call as a whole. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** A kept connection idle longer than this is closed instead of reused. */
        public Builder maxIdleTime(Duration time) {
            this.maxIdleTime = positive(time, "maxIdleTime");
            return this;
        }

        /** Per origin; the ones idle longest are closed first. */
        public Builder maxIdleConnections(int connections) {
            if (connections < 0) {
                throw new IllegalArgumentException("maxIdleConnections must not be negative: " + connections);
            }
            this.maxIdleConnections = connections;
            return this;
        }

        /** The TLS sockets' factory (tests trust their own certificate with it); the JDK's default otherwise. */
        public Builder tlsSocketFactory(SSLSocketFactory factory) {
            this.tls = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public SocketHttpClient build() {
            return new SocketHttpClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
