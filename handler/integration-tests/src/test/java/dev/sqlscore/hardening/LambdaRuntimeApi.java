package dev.sqlscore.hardening;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as the Lambda service offers it to a runtime: the official
 * runtime interface client asks for the next invocation, runs the handler and posts its response or error back.
 * One invocation at a time, as in Lambda. Test infrastructure for {@link MemoryFloorBenchmark}.
 */
final class LambdaRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime";

    /** What the runtime posted back for one invocation. */
    record Outcome(boolean error, byte[] body, long nanos) {
    }

    private record Pending(String requestId, byte[] event, long deadlineMillis, CompletableFuture<Outcome> outcome,
                           long[] handedOutNanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();

    private LambdaRuntimeApi(HttpServer server) {
        this.server = server;
    }

    static LambdaRuntimeApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LambdaRuntimeApi api = new LambdaRuntimeApi(server);
        server.createContext(PREFIX, api::handle);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one invocation; the future completes when the runtime answers it (timing from when it took it). */
    CompletableFuture<Outcome> invoke(byte[] event, Duration timeout) {
        String id = "req-" + ids.incrementAndGet();
        Pending pending = new Pending(id, event, System.currentTimeMillis() + timeout.toMillis(),
                new CompletableFuture<>(), new long[1]);
        inFlight.put(id, pending);
        queue.add(pending);
        return pending.outcome();
    }

    /** Completes if the runtime reports that the handler could not be initialized. */
    CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/invocation/next") && exchange.getRequestMethod().equals("GET")) {
                Pending next = queue.take();
                next.handedOutNanos()[0] = System.nanoTime();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:sqlscore-handler:live");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-00000000-000000000000000000000000");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                send(exchange, 200, next.event());
            } else if (path.startsWith("/invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("/invocation/".length(), path.lastIndexOf('/'));
                Pending done = inFlight.remove(id);
                send(exchange, done == null ? 400 : 202, "{}".getBytes(StandardCharsets.UTF_8));
                if (done != null) {
                    done.outcome().complete(new Outcome(path.endsWith("/error"), body,
                            System.nanoTime() - done.handedOutNanos()[0]));
                }
            } else if (path.equals("/init/error")) {
                send(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
                initError.complete(new String(body, StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
