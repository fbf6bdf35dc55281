package dev.sqlscore.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a batch's chunks with at most {@code maxInFlight} at once, all or nothing: the first failure, or the
 * deadline, ends the run; chunks not yet started are not started, and running ones are interrupted and their
 * results ignored. Results come back in chunk order whatever order the chunks finish in.
 *
 * <p>One per scorer: its worker threads outlive a batch and serve the next one. A thread started for each batch cost
 * about half a millisecond of a 1 MB batch's model call (measured: thread start, and the per-thread caches the JDK's
 * socket and the SDK fill on a thread's first call); idle workers end after a minute.
 *
 * <p>A batch of one chunk (Snowflake's small batches) runs on the caller's thread: handing it to a worker and back
 * cost two thread wake-ups, a third of a 200-row batch's time after a pause (docs/performance.md). A {@link Watchdog}
 * interrupts that call at the deadline plus the grace, as the workers' calls are, without waking a thread for each
 * batch; the SDK's own call timeout has ended it at the deadline before that.
 */
final class ParallelChunks {

    /** One chunk's work; {@code timeout} is the time left before the deadline. */
    @FunctionalInterface
    interface ChunkTask<T> {
        T run(int chunk, Duration timeout);
    }

    /*
     * Platform threads, not virtual: on Lambda's java21 runtime a virtual thread blocked in I/O inside a
     * synchronized block (HTTP clients have them) pins its carrier, and with 1-2 carriers that would quietly
     * serialize the calls. A few threads per batch cost microseconds next to a model call.
     */
    private static final ThreadFactory THREADS = Thread.ofPlatform().name("sqlscore-chunk-", 0).daemon().factory();

    private static final long REPORTING_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ExecutorService workers = Executors.newCachedThreadPool(THREADS);
    private final Watchdog watchdog = new Watchdog("sqlscore-watchdog-");

    /**
     * @throws DeadlineExceededException when the deadline passes first
     * @throws RuntimeException          the first chunk failure, as thrown
     */
    <T> List<T> run(int chunks, int maxInFlight, Deadline deadline, ChunkTask<T> task) {
        if (chunks == 0) {
            return List.of();
        }
        if (chunks == 1) {
            return List.of(alone(deadline, task));
        }
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(chunks);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unfinished = new AtomicInteger(chunks);
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Future<?>> started = new ArrayList<>();
        boolean allDone = false;
        try {
            Runnable worker = () -> {
                int chunk;
                while (!done.isDone() && (chunk = next.getAndIncrement()) < chunks) {
                    if (deadline.expired()) {
                        done.completeExceptionally(deadline.exceeded());
                        return;
                    }
                    try {
                        results.set(chunk, task.run(chunk, deadline.remaining()));
                    } catch (Throwable failure) {
                        done.completeExceptionally(failure);
                        return;
                    }
                    if (unfinished.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                }
            };
            for (int i = 0; i < Math.min(maxInFlight, chunks); i++) {
                started.add(workers.submit(worker));
            }
            // A little past the deadline: the chunks check it themselves and may fail with a reason of their own
            // (isolating refused rows says how far it got); their calls' timeouts end at the deadline anyway.
            done.get(Math.max(0, deadline.remainingNanos()) + REPORTING_GRACE_NANOS, TimeUnit.NANOSECONDS);
            allDone = true;
        } catch (TimeoutException e) {
            throw deadline.exceeded();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        } finally {
            if (!allDone) {
                done.cancel(false); // stops workers from starting more chunks after a failure or the deadline
                started.forEach(running -> running.cancel(true)); // interrupts this batch's calls still in flight
            }
            // After success nothing is in flight: interrupting workers on their way back to the pool would only
            // cost each an InterruptedException there (one a batch, seen in a JFR recording).
        }
        List<T> ordered = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    /** The one chunk on this thread, interrupted by a watchdog at the deadline plus the grace. */
    private <T> T alone(Deadline deadline, ChunkTask<T> task) {
        if (deadline.expired()) {
            throw deadline.exceeded();
        }
        Watchdog.Alarm alarm = watchdog.arm(Thread.currentThread(),
                Math.max(0, deadline.remainingNanos()) + REPORTING_GRACE_NANOS);
        T result = null;
        Throwable failure = null;
        try {
            result = task.run(0, deadline.remaining());
        } catch (Throwable thrown) {
            failure = thrown;
        }
        if (alarm.disarm()) {
            throw deadline.exceeded(); // failed or answered after the batch's time: as when a worker's call is
        }
        if (failure != null) {
            throw rethrowable(failure);
        }
        return result;
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
