package dev.sqlscore.model;

import dev.sqlscore.async.S3Location;
import java.time.Duration;

/** SageMaker Asynchronous Inference: queue one request whose payload is already in S3. Thread-safe. */
@FunctionalInterface
public interface AsyncModelInvoker {

    /**
     * @param endpointName             the async endpoint
     * @param contentType              the payload's content type
     * @param accept                   what to ask the model for
     * @param customAttributes         passed to the container, or null
     * @param input                    where the payload is
     * @param inferenceId              ours to choose, so that a retry names the same inference
     * @param invocationTimeoutSeconds how long the container may take, or null for the endpoint's default
     * @param requestTtlSeconds        how long the request may wait in the queue, or null for the default
     */
    record Request(String endpointName, String contentType, String accept, String customAttributes,
                   S3Location input, String inferenceId, Integer invocationTimeoutSeconds,
                   Integer requestTtlSeconds) {
    }

    /** Where the answer will appear, or the error document instead. */
    record Queued(S3Location output, S3Location failure) {
    }

    /**
     * @throws ModelInvocationException classified as for real-time calls (throttling, validation, access)
     */
    Queued invokeAsync(Request request, Duration timeout);
}
