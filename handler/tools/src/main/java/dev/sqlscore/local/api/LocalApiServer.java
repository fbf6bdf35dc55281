package dev.sqlscore.local.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The deployed API on one machine: takes the HTTP requests Snowflake sends, turns each into the API Gateway REST
 * proxy event, runs the real Lambda handler, and answers with the status, headers and body it returns, under
 * API Gateway's and Lambda's limits. Requests run concurrently on one handler (it is thread-safe).
 *
 * <p>Shaped like the stack's API (infra's {@code ScoringApi}): one resource, {@code POST /score} (and {@code GET},
 * which Snowflake polls asynchronous functions with), on stage {@code v1}, so the local URL is
 * {@code http://127.0.0.1:<port>/v1/score}; anything else gets API Gateway's
 * {@code 403 Missing Authentication Token}. Content encoding is on ({@code minimumCompressionSize} 1024): gzip
 * requests reach the handler decompressed, and answers of 1024 bytes or more are gzipped for clients that
 * accept it.
 */
public final class LocalApiServer implements AutoCloseable {

    /** API Gateway REST's request body limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The stack routes both to the function: POST for batches, GET for Snowflake's polls of asynchronous ones. */
    private static final Set<String> ROUTED_METHODS = Set.of("POST", "GET");
    /** The stack's {@code minimumCompressionSize}. */
    public static final int DEFAULT_MINIMUM_COMPRESSION_SIZE = 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalLambda lambda;
    private final ProxyEventFactory events;
    private final String functionPath;
    private final Integer minimumCompressionSize;

    private LocalApiServer(Builder builder) throws IOException {
        this.minimumCompressionSize = builder.minimumCompressionSize;
        this.events = new ProxyEventFactory(builder.stage, builder.resourcePath, minimumCompressionSize != null);
        this.functionPath = "/" + builder.stage + builder.resourcePath;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("serve-", 0).factory());
        this.lambda = new LocalLambda(builder.handler, workers, builder.integrationTimeout, builder.functionTimeout,
                builder.log);
        this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 0);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The function's URL, e.g. {@code http://127.0.0.1:8080/v1/score}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort()
                + functionPath);
    }

    /** Stops taking requests, lets the ones in flight finish (up to a second), and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            GatewayResponse response = respond(exchange, requestId);
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            byte[] body = response.body();
            if (compresses(exchange, body)) {
                body = Gzip.compress(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** As API Gateway with content encoding: the client accepts gzip and the answer is big enough. */
    private boolean compresses(HttpExchange exchange, byte[] body) {
        if (minimumCompressionSize == null || body.length < minimumCompressionSize
                || exchange.getResponseHeaders().containsKey("Content-Encoding")) {
            return false;
        }
        return exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(coding -> coding.strip().toLowerCase(Locale.ROOT).startsWith("gzip"));
    }

    private GatewayResponse respond(HttpExchange exchange, String requestId) throws IOException {
        if (!ROUTED_METHODS.contains(exchange.getRequestMethod())
                || !functionPath.equals(exchange.getRequestURI().getPath())) {
            // API Gateway's answer to a method or resource the API does not have, IAM-authorized or not.
            return GatewayResponse.gatewayError(403, "Missing Authentication Token");
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (body == null) {
            return GatewayResponse.gatewayError(413, "Request Too Long");
        }
        ObjectNode event;
        try {
            event = events.event(new ProxyEventFactory.HttpCall(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), requestId, Instant.now()));
        } catch (IllegalArgumentException e) {
            return GatewayResponse.gatewayError(400, e.getMessage());
        }
        return lambda.invoke(requestId, LocalJson.MAPPER.writeValueAsBytes(event));
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    public static final class Builder {
        private RequestStreamHandler handler;
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private String stage = "v1";
        private String resourcePath = "/score";
        private Integer minimumCompressionSize = DEFAULT_MINIMUM_COMPRESSION_SIZE;
        private Duration integrationTimeout = Duration.ofSeconds(29);
        private Duration functionTimeout = Duration.ofSeconds(30);
        private Consumer<String> log = System.err::println;

        private Builder() {
        }

        /** The Lambda handler; called from several threads at once. */
        public Builder handler(RequestStreamHandler handler) {
            this.handler = handler;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The stage, the URL's first path segment (default {@code v1}, as the stack deploys). */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** The API's one resource (default {@code /score}, as the stack deploys). */
        public Builder resourcePath(String resourcePath) {
            if (!resourcePath.startsWith("/")) {
                throw new IllegalArgumentException("resourcePath must start with '/', got '" + resourcePath + "'");
            }
            this.resourcePath = resourcePath;
            return this;
        }

        /**
         * The API's content encoding: with a size, gzip requests reach the handler decompressed and answers of at
         * least that many bytes are gzipped for clients that accept it; null turns it off, and gzip requests then
         * reach the handler still compressed, base64-encoded (see {@link ProxyEventFactory}).
         */
        public Builder minimumCompressionSize(Integer minimumCompressionSize) {
            if (minimumCompressionSize != null && minimumCompressionSize < 0) {
                throw new IllegalArgumentException("minimumCompressionSize must be 0 or more, got "
                        + minimumCompressionSize);
            }
            this.minimumCompressionSize = minimumCompressionSize;
            return this;
        }

        /** API Gateway's integration timeout: past it the client gets 504 whatever the handler does. */
        public Builder integrationTimeout(Duration integrationTimeout) {
            this.integrationTimeout = Objects.requireNonNull(integrationTimeout, "integrationTimeout");
            return this;
        }

        /** The Lambda function's timeout, which the handler sees as its remaining time. */
        public Builder functionTimeout(Duration functionTimeout) {
            this.functionTimeout = Objects.requireNonNull(functionTimeout, "functionTimeout");
            return this;
        }

        /** Where the server's and the handler's log lines go (they never hold row data). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Starts the server. */
        public LocalApiServer start() throws IOException {
            return new LocalApiServer(this);
        }
    }
}
