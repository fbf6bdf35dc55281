package dev.sqlscore.scoring;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model calls still in flight when a batch fails or runs out of time are interrupted, not left running: asserted on
 * what happened to the blocked call (it saw the interrupt), not on how long anything took.
 */
class ParallelChunksCancellationTest {

    private final ParallelChunks parallel = new ParallelChunks();

    /** A call that blocks until interrupted, and says so. */
    private static String blockUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
        started.countDown();
        try {
            Thread.sleep(Duration.ofMinutes(5));
            return "never";
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException("interrupted");
        }
    }

    @Test
    void aFailedChunkInterruptsTheCallsStillInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Deadline deadline = Deadline.after(System::nanoTime, System.nanoTime(), Duration.ofMinutes(1));

        var failure = assertThrows(IllegalArgumentException.class, () -> parallel.run(2, 2, deadline,
                (chunk, timeout) -> {
                    if (chunk == 1) {
                        return blockUntilInterrupted(started, interrupted);
                    }
                    await(started);
                    throw new IllegalArgumentException("chunk 0 failed");
                }));

        assertEquals("chunk 0 failed", failure.getMessage());
        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the blocked call was never interrupted");
    }

    @Test
    void aMissedDeadlineInterruptsTheCallsStillInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Deadline deadline = Deadline.after(System::nanoTime, System.nanoTime(), Duration.ofMillis(200));

        assertThrows(DeadlineExceededException.class, () -> parallel.run(1, 1, deadline,
                (chunk, timeout) -> blockUntilInterrupted(started, interrupted)));

        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the blocked call was never interrupted");
    }

    @Test
    void chunksNotYetStartedAreNeverStartedAfterAFailure() throws Exception {
        AtomicBoolean laterChunkRan = new AtomicBoolean();
        Deadline deadline = Deadline.after(System::nanoTime, System.nanoTime(), Duration.ofMinutes(1));

        assertThrows(IllegalArgumentException.class, () -> parallel.run(50, 1, deadline, (chunk, timeout) -> {
            if (chunk == 0) {
                throw new IllegalArgumentException("first chunk failed");
            }
            laterChunkRan.set(true);
            return "ran";
        }));

        assertTrue(!laterChunkRan.get(), "with one worker, no chunk after the failed one is called");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
