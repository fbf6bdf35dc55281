package dev.sqlscore.modelserver;

import dev.sqlscore.async.S3Location;
import java.time.Duration;
import java.util.Objects;

/**
 * An asynchronous endpoint of the local model server, configured as {@code AsyncInferenceConfig.OutputConfig} is on
 * SageMaker: where answers and error documents go; and how long the model takes before it starts on a request.
 *
 * @param model       what answers each queued request, once its input is read from S3
 * @param outputPath  {@code S3OutputPath}: each answer is {@code <outputPath>/<inferenceId>.out}
 * @param failurePath {@code S3FailurePath}, or null: then, as on SageMaker, an error leaves no document (only the
 *                    endpoint's own notifications would tell)
 * @param delay       how long each request waits before the model runs (a slow model, a queue, a cold instance)
 */
public record AsyncEndpoint(Model model, S3Location outputPath, S3Location failurePath, Duration delay) {

    public AsyncEndpoint {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
    }

    S3Location outputFor(String inferenceId) {
        return outputPath.resolve(inferenceId + ".out");
    }

    S3Location failureFor(String inferenceId) {
        return failurePath == null ? null : failurePath.resolve(inferenceId + "-error.out");
    }
}
