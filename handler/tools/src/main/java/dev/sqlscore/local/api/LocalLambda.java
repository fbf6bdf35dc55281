package dev.sqlscore.local.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a {@link RequestStreamHandler} as API Gateway's Lambda proxy integration does: with Lambda's event and
 * response size limits, a context whose remaining time is the function's timeout, and API Gateway's integration
 * timeout; and turns the outcome into what the client gets.
 */
final class LocalLambda {

    /** Lambda's synchronous invocation limits (request; the response may be 100 bytes longer). */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    static final int MAX_RESULT_BYTES = MAX_EVENT_BYTES + 100;

    private final RequestStreamHandler handler;
    private final ExecutorService executor;
    private final Duration integrationTimeout;
    private final Duration functionTimeout;
    private final Consumer<String> log;

    LocalLambda(RequestStreamHandler handler, ExecutorService executor, Duration integrationTimeout,
                Duration functionTimeout, Consumer<String> log) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.integrationTimeout = Objects.requireNonNull(integrationTimeout, "integrationTimeout");
        this.functionTimeout = Objects.requireNonNull(functionTimeout, "functionTimeout");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The answer to one event; API Gateway's own error when the invocation fails. Logs never hold row data. */
    GatewayResponse invoke(String requestId, byte[] event) {
        if (event.length > MAX_EVENT_BYTES) {
            log.accept("request " + requestId + ": the proxy event is " + event.length + " bytes, over Lambda's "
                    + MAX_EVENT_BYTES + "-byte limit; send fewer rows per batch (MAX_BATCH_ROWS)");
            return GatewayResponse.gatewayError(413, "Request Too Long");
        }
        Future<byte[]> invocation = executor.submit(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out,
                    new LocalLambdaContext(requestId, functionTimeout, log));
            return out.toByteArray();
        });
        byte[] result;
        try {
            result = invocation.get(integrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            log.accept("request " + requestId + ": no answer within the integration timeout of "
                    + integrationTimeout.toMillis() + " ms");
            return GatewayResponse.gatewayError(504, "Endpoint request timed out");
        } catch (ExecutionException e) {
            log.accept("request " + requestId + ": the handler threw " + e.getCause().getClass().getName());
            return GatewayResponse.gatewayError(502, "Internal server error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayResponse.gatewayError(503, "Service Unavailable");
        }
        if (result.length > MAX_RESULT_BYTES) {
            log.accept("request " + requestId + ": the handler's answer is " + result.length + " bytes, over Lambda's "
                    + MAX_RESULT_BYTES + "-byte limit");
            return GatewayResponse.gatewayError(502, "Internal server error");
        }
        try {
            return GatewayResponse.parse(result);
        } catch (IllegalArgumentException e) {
            log.accept("request " + requestId + ": malformed Lambda proxy response: " + e.getMessage());
            return GatewayResponse.gatewayError(502, "Internal server error");
        }
    }
}
