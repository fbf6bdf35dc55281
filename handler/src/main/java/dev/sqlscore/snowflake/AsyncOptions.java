package dev.sqlscore.snowflake;

import java.util.Objects;

/**
 * How an asynchronous function's batches go to a SageMaker Asynchronous Inference endpoint, from its
 * {@code HEADERS}: {@code sagemaker-mode = async} and the endpoint's own output configuration.
 *
 * @param outputPath               the endpoint's {@code S3OutputPath} ({@code s3://...}): the handler reads answers
 *                                 only below it
 * @param failurePath              the endpoint's {@code S3FailurePath}, or null when the endpoint has none
 * @param invocationTimeoutSeconds how long the container may take per request (1 to 3600), or null
 * @param requestTtlSeconds        how long a request may wait in the endpoint's queue (60 to 21600), or null
 */
public record AsyncOptions(String outputPath, String failurePath, Integer invocationTimeoutSeconds,
                           Integer requestTtlSeconds) {

    public AsyncOptions {
        Objects.requireNonNull(outputPath, "outputPath");
    }
}
