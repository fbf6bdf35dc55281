package dev.sqlscore.scoring;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A point in time on a monotonic nanosecond clock, and the budget it was set from. */
final class Deadline {

    private final LongSupplier nanoClock;
    private final long startNanos;
    private final long budgetNanos;

    private Deadline(LongSupplier nanoClock, long startNanos, long budgetNanos) {
        this.nanoClock = nanoClock;
        this.startNanos = startNanos;
        this.budgetNanos = budgetNanos;
    }

    /** {@code budget} from {@code startNanos}; a negative budget is an already expired deadline. */
    static Deadline after(LongSupplier nanoClock, long startNanos, Duration budget) {
        return new Deadline(nanoClock, startNanos, Math.max(0, budget.toNanos()));
    }

    long remainingNanos() {
        return budgetNanos - (nanoClock.getAsLong() - startNanos);
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    long budgetMillis() {
        return Duration.ofNanos(budgetNanos).toMillis();
    }

    DeadlineExceededException exceeded() {
        return new DeadlineExceededException(budgetMillis());
    }
}
