package dev.sqlscore.modelserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.async.S3Location;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /endpoints/{EndpointName}/async-invocations}, as SageMaker Asynchronous Inference answers it: the
 * request names its payload in S3 ({@code X-Amzn-SageMaker-InputLocation}); the answer is 202 at once, with the
 * inference id in the body and where the outcome will appear in {@code X-Amzn-SageMaker-OutputLocation} and
 * {@code X-Amzn-SageMaker-FailureLocation}. Later, on a thread of its own, the model reads the input from S3,
 * runs, and its answer lands at the output location (or an error document at the failure location).
 */
final class AsyncInvocations {

    private static final Pattern PATH = Pattern.compile("/endpoints/([^/]+)/async-invocations");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration S3_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, AsyncEndpoint> endpoints;
    private final ObjectStore store;
    private final ExecutorService executor;
    private final AtomicLong completed = new AtomicLong();

    AsyncInvocations(Map<String, AsyncEndpoint> endpoints, ObjectStore store, ExecutorService executor) {
        this.endpoints = Map.copyOf(endpoints);
        this.store = store;
        this.executor = executor;
    }

    static Optional<String> endpointName(String path) {
        Matcher matcher = PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The request as the fault hook sees it: its settings, and no body (the payload is still in S3). */
    static Invocation queued(String endpoint, HttpHeaders headers) {
        return new Invocation(new ModelRequest(endpoint,
                headers.first("X-Amzn-SageMaker-Content-Type").orElse("application/octet-stream"),
                headers.first("X-Amzn-SageMaker-Accept").orElse("*/*"), null, null, null,
                headers.first("X-Amzn-SageMaker-Custom-Attributes").orElse(null), new byte[0]), headers);
    }

    /** Validates and queues; the reply is what the client gets now. */
    Queued accept(String endpointName, HttpHeaders headers) {
        AsyncEndpoint endpoint = endpoints.get(endpointName);
        if (endpoint == null || store == null) {
            return Queued.refused(Reply.validationError("Endpoint " + endpointName + " of account "
                    + ModelServer.ACCOUNT_ID + " not found, or it is not an asynchronous endpoint."));
        }
        S3Location input;
        try {
            input = S3Location.parse(headers.first("X-Amzn-SageMaker-InputLocation").orElse(null));
        } catch (IllegalArgumentException e) {
            return Queued.refused(Reply.validationError("X-Amzn-SageMaker-InputLocation must be an s3:// URI of the "
                    + "request payload"));
        }
        String inferenceId = headers.first("X-Amzn-SageMaker-Inference-Id").orElseGet(() -> UUID.randomUUID()
                .toString());
        S3Location output = endpoint.outputFor(inferenceId);
        S3Location failure = endpoint.failureFor(inferenceId);
        Invocation queued = queued(endpointName, headers);
        executor.submit(() -> run(endpoint, queued, input, output, failure));
        return new Queued(null, inferenceId, output, failure);
    }

    /** How many queued requests have finished (answer or error document written): for tests that wait. */
    long completed() {
        return completed.get();
    }

    private void run(AsyncEndpoint endpoint, Invocation queued, S3Location input, S3Location output,
                     S3Location failure) {
        try {
            Thread.sleep(endpoint.delay());
            Optional<ObjectStore.StoredObject> payload = store.get(input, S3_TIMEOUT);
            if (payload.isEmpty()) {
                fail(failure, 400, "Could not read the input from " + input);
                return;
            }
            ModelRequest request = queued.request();
            Invocation invocation = new Invocation(new ModelRequest(request.endpointName(), request.contentType(),
                    request.accept(), null, null, null, request.customAttributes(), payload.get().body()),
                    queued.headers());
            Reply reply;
            try {
                reply = endpoint.model().invoke(invocation);
            } catch (RuntimeException e) {
                reply = Reply.containerError(500, "model failed: " + e.getClass().getName());
            }
            switch (reply) {
                case Reply.ContainerAnswer answer when answer.successful() ->
                        store.put(output, answer.body(), answer.contentType(), S3_TIMEOUT);
                case Reply.ContainerAnswer failed -> fail(failure, failed.status(),
                        new String(failed.body(), StandardCharsets.UTF_8));
                case Reply.ServiceError error -> fail(failure, error.httpStatus(), error.message());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // S3 failed under the model server: the request is lost, as an instance crash would lose it.
        } finally {
            completed.incrementAndGet();
        }
    }

    private void fail(S3Location failure, int status, String message) {
        if (failure != null) {
            store.put(failure, errorDocument(status, message), "application/json", S3_TIMEOUT);
        }
    }

    /**
     * The container's error with its status. (*Unconfirmed*: the exact shape of SageMaker's failure documents;
     * the handler reads the status if one of the usual fields carries it, and never quotes the message.)
     */
    private static byte[] errorDocument(int status, String message) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("statusCode", status);
        document.put("message", message);
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to the queueing request: a refusal, or where the outcome will be. */
    record Queued(Reply.ServiceError refusal, String inferenceId, S3Location output, S3Location failure) {

        static Queued refused(Reply.ServiceError error) {
            return new Queued(error, null, null, null);
        }
    }
}
