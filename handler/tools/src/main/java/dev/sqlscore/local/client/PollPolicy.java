package dev.sqlscore.local.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a batch answered 202 is polled, as Snowflake polls an asynchronous remote service: GETs at growing intervals
 * until an answer other than 202, for a bounded time in all.
 *
 * @param firstDelay the pause before the first poll, doubled for each further one
 * @param maxDelay   the longest pause between polls
 * @param timeout    how long a batch may stay pending before the call fails (Snowflake gives up after about ten
 *                   minutes)
 */
public record PollPolicy(Duration firstDelay, Duration maxDelay, Duration timeout) {

    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofMillis(500), Duration.ofSeconds(5),
            Duration.ofMinutes(10));

    public PollPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || !timeout.isPositive()) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay and a positive timeout, got "
                    + firstDelay + ", " + maxDelay + ", " + timeout);
        }
    }

    /** The pause before poll number {@code poll} (1 for the first). */
    public Duration delayBefore(int poll) {
        long grown = firstDelay.toMillis() << Math.min(poll - 1, 20);
        return Duration.ofMillis(Math.min(maxDelay.toMillis(), grown));
    }
}
