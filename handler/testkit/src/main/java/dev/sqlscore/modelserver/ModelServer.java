package dev.sqlscore.modelserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.sagemaker.InvokeEndpointWire;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that speaks the SageMaker runtime's {@code InvokeEndpoint} protocol well enough for the
 * real AWS SDK: {@code POST /endpoints/{EndpointName}/invocations}, SigV4 required, errors encoded as the
 * service encodes them (restJson1: status, {@code X-Amzn-ErrorType} and a JSON body), so the SDK raises its real
 * typed exceptions. It listens on the loopback interface only. Endpoints are routed to {@link Model}s; a
 * {@link FaultHook} may delay, drop or truncate any request. Asynchronous endpoints ({@link AsyncEndpoint}) answer
 * {@code POST /endpoints/{EndpointName}/async-invocations} as SageMaker Asynchronous Inference does, through S3.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.builder().endpoint("churn", model).start()) {
 *     // AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=server.endpointUri()
 * }
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {

    /** The account and region named in the ARNs and messages the server writes. */
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Model> models;
    private final FaultHook faultHook;
    private final ExecutorService executor;
    private final AsyncInvocations async;
    private final HttpServer server;

    private ModelServer(Builder builder) throws IOException {
        this.models = Map.copyOf(builder.models);
        this.faultHook = builder.faultHook;
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-server-", 0).factory());
        this.async = new AsyncInvocations(builder.asyncEndpoints, builder.store, executor);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:49152}: the SDK's endpoint override. */
    public URI endpointUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** Stops at once: open exchanges are cut and delayed requests interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** An IOException thrown out of here makes the JDK server close the connection: that is how faults cut it. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpHeaders headers = HttpHeaders.ofMulti(exchange.getRequestHeaders());
            Optional<Reply.ServiceError> refusal = SigV4Shape.refusal(headers);
            if (refusal.isPresent()) {
                send(exchange, refusal.get(), null, false);
                return;
            }
            Optional<String> asyncEndpoint = AsyncInvocations.endpointName(exchange.getRequestURI().getPath());
            if ("POST".equals(exchange.getRequestMethod()) && asyncEndpoint.isPresent()) {
                exchange.getRequestBody().readAllBytes();
                queue(exchange, asyncEndpoint.get(), headers);
                return;
            }
            Optional<String> endpoint = InvokeEndpointWire.endpointName(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || endpoint.isEmpty()) {
                send(exchange, new Reply.ServiceError(404, "UnknownOperationException", "Unknown operation "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()), null, false);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Model model = models.get(endpoint.get());
            if (headers.first("Content-Type").isEmpty() || headers.first("Accept").isEmpty()) {
                // Stricter than SageMaker, which defaults both: sqlscore always sends them, and must keep doing so.
                send(exchange, Reply.validationError("Both Content-Type and Accept headers are required"), null, false);
                return;
            }
            if (model == null) {
                send(exchange, Reply.validationError("Endpoint " + endpoint.get() + " of account " + ACCOUNT_ID
                        + " not found."), null, false);
                return;
            }
            Invocation invocation = new Invocation(InvokeEndpointWire.request(endpoint.get(), headers::first, body),
                    headers);
            FaultHook.Action action = faultHook.before(invocation);
            switch (action.kind()) {
                case REPLY -> send(exchange, action.reply(), invocation, false);
                case PROCEED -> send(exchange, invoke(model, invocation), invocation, false);
                case TRUNCATE_ANSWER -> send(exchange, invoke(model, invocation), invocation, true);
                case DROP_CONNECTION -> throw new IOException("fault injected: connection dropped");
            }
        } catch (InterruptedException e) {
            throw new IOException("the server is closing", e);
        }
    }

    private void queue(HttpExchange exchange, String endpoint, HttpHeaders headers) throws IOException,
            InterruptedException {
        Invocation invocation = AsyncInvocations.queued(endpoint, headers);
        FaultHook.Action action = faultHook.before(invocation);
        switch (action.kind()) {
            case REPLY -> send(exchange, action.reply(), invocation, false);
            case DROP_CONNECTION -> throw new IOException("fault injected: connection dropped");
            case PROCEED, TRUNCATE_ANSWER -> {
                AsyncInvocations.Queued queued = async.accept(endpoint, headers);
                if (queued.refusal() != null) {
                    send(exchange, queued.refusal(), invocation, false);
                    return;
                }
                Headers out = exchange.getResponseHeaders();
                out.set("x-amzn-RequestId", UUID.randomUUID().toString());
                out.set("Content-Type", "application/json");
                out.set("X-Amzn-SageMaker-OutputLocation", queued.output().uri());
                if (queued.failure() != null) {
                    out.set("X-Amzn-SageMaker-FailureLocation", queued.failure().uri());
                }
                byte[] body = JSON.writeValueAsBytes(Map.of("InferenceId", queued.inferenceId()));
                exchange.sendResponseHeaders(202, body.length);
                OutputStream stream = exchange.getResponseBody();
                stream.write(body, 0, action.kind() == FaultHook.Action.Kind.TRUNCATE_ANSWER ? body.length / 2
                        : body.length);
                if (action.kind() == FaultHook.Action.Kind.TRUNCATE_ANSWER) {
                    stream.flush();
                    throw new IOException("fault injected: answer truncated");
                }
                stream.close();
            }
        }
    }

    /** How many asynchronous requests have finished, answered or failed. */
    public long asyncCompleted() {
        return async.completed();
    }

    private static Reply invoke(Model model, Invocation invocation) {
        try {
            return Objects.requireNonNull(model.invoke(invocation), "the model's reply");
        } catch (RuntimeException e) {
            return Reply.containerError(500, "model failed: " + e.getClass().getName());
        }
    }

    private static void send(HttpExchange exchange, Reply reply, Invocation invocation, boolean truncate)
            throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("x-amzn-RequestId", UUID.randomUUID().toString());
        int status;
        byte[] body;
        switch (reply) {
            case Reply.ContainerAnswer answer when answer.successful() -> {
                status = answer.status();
                body = answer.body();
                out.set("Content-Type", answer.contentType());
                out.set("X-Amzn-Invoked-Production-Variant",
                        Optional.ofNullable(invocation.request().targetVariant()).orElse("AllTraffic"));
            }
            case Reply.ContainerAnswer failed -> {
                status = 424;
                body = modelError(failed, invocation.request().endpointName());
                out.set("Content-Type", "application/json");
                out.set("X-Amzn-ErrorType", "ModelError");
            }
            case Reply.ServiceError error -> {
                status = error.httpStatus();
                body = JSON.writeValueAsBytes(Map.of("message", error.message()));
                out.set("Content-Type", "application/json");
                out.set("X-Amzn-ErrorType", error.errorType());
            }
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        OutputStream stream = exchange.getResponseBody();
        stream.write(body, 0, truncate ? body.length / 2 : body.length);
        stream.flush();
        if (truncate) {
            throw new IOException("fault injected: answer truncated");
        }
        stream.close();
    }

    /** As SageMaker relays a container's error status: who answered what, and where its logs are. */
    private static byte[] modelError(Reply.ContainerAnswer failed, String endpoint) throws IOException {
        String logGroup = "/aws/sagemaker/Endpoints/" + endpoint;
        String originalMessage = new String(failed.body(), StandardCharsets.UTF_8);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Received " + (failed.status() >= 500 ? "server" : "client") + " error ("
                + failed.status() + ") from primary with message \"" + originalMessage + "\". See https://" + REGION
                + ".console.aws.amazon.com/cloudwatch/home?region=" + REGION + "#logEventViewer:group=" + logGroup
                + " in account " + ACCOUNT_ID + " for more information.");
        error.put("OriginalStatusCode", failed.status());
        error.put("OriginalMessage", originalMessage);
        error.put("LogStreamArn", "arn:aws:logs:" + REGION + ":" + ACCOUNT_ID + ":log-group:" + logGroup
                + ":log-stream:AllTraffic/local");
        return JSON.writeValueAsBytes(error);
    }

    @Override
    public String toString() {
        return "ModelServer[" + endpointUri() + ", endpoints=" + models.keySet() + "]";
    }

    public static final class Builder {
        private final Map<String, Model> models = new LinkedHashMap<>();
        private final Map<String, AsyncEndpoint> asyncEndpoints = new LinkedHashMap<>();
        private ObjectStore store;
        private FaultHook faultHook = FaultHook.NONE;
        private int port = 0;

        private Builder() {
        }

        /** Serves {@code name} with {@code model}; requests for other names get SageMaker's "not found". */
        public Builder endpoint(String name, Model model) {
            models.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(model, "model"));
            return this;
        }

        /**
         * Serves {@code name} as an asynchronous endpoint ({@code async-invocations}), reading inputs from and writing
         * outcomes to {@code store}: the S3 the endpoint's execution role would reach.
         */
        public Builder asyncEndpoint(String name, AsyncEndpoint endpoint, ObjectStore store) {
            asyncEndpoints.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(endpoint, "endpoint"));
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder faultHook(FaultHook faultHook) {
            this.faultHook = Objects.requireNonNull(faultHook, "faultHook");
            return this;
        }

        /** The loopback port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** @throws UncheckedIOException when the port cannot be bound */
        public ModelServer start() {
            try {
                return new ModelServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("The local model server could not listen on 127.0.0.1:" + port, e);
            }
        }
    }
}
