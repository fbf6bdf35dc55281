package dev.sqlscore.local.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What Snowflake does with a 429 or 5xx answer (or a broken connection): try the same batch again after an
 * exponentially growing, jittered pause, a bounded number of times.
 *
 * @param maxRetries tries after the first; 0 reports the first failure as it is
 * @param baseDelay  the pause before the first retry, doubled for each further one
 * @param maxDelay   the longest pause
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    public static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The pause before retry number {@code retry} (1 for the first): full growth, then up to half taken off. */
    public Duration delayBefore(int retry) {
        long grown = baseDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(maxDelay.toMillis(), grown);
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
