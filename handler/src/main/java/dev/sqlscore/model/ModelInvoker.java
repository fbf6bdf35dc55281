package dev.sqlscore.model;

import java.time.Duration;

/**
 * The one door to a model server. The scorer knows nothing of AWS; the SageMaker implementation lives in
 * {@code dev.sqlscore.sagemaker} and tests plug in fakes.
 *
 * <p>Implementations are called from several threads at once and must be thread-safe.
 */
@FunctionalInterface
public interface ModelInvoker {

    /**
     * Sends one request body to the model and returns its answer.
     *
     * @param request what to send and where
     * @param timeout the most time this call may take, retries included; past it, fail with
     *                {@link ModelInvocationException.Failure#TIMED_OUT}
     * @throws ModelInvocationException for every failure, classified so the scorer can pick a status code
     */
    ModelResponse invoke(ModelRequest request, Duration timeout);
}
