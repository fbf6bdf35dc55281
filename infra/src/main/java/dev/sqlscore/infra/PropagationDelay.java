package dev.sqlscore.infra;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a new or changed IAM trust policy to take effect (IAM is eventually consistent: a role can take
 * seconds, up to ~30 s, before STS lets Snowflake assume it). Injectable so tests run without waiting.
 */
@FunctionalInterface
public interface PropagationDelay {

    /** Completes once {@code delay} has passed; must not block the calling thread. */
    CompletableFuture<Void> after(Duration delay);

    /** The real clock, without holding a thread while it waits. */
    static PropagationDelay realTime() {
        return delay -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }
}
