package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How many calls run at once, in what order results come back, and what a failure of each kind becomes. */
class ParallelChunksTest {

    private final ParallelChunks parallel = new ParallelChunks();
    private final Deadline aMinute = Deadline.after(System::nanoTime, System.nanoTime(), Duration.ofMinutes(1));

    @Test
    void neverMoreCallsAtOnceThanAllowedAndResultsInChunkOrder() {
        for (int allowed : new int[] {1, 3}) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Integer> results = parallel.run(7, allowed, aMinute, (chunk, timeout) -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20 + 5 * (7 - chunk)); // later chunks finish sooner
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                inFlight.decrementAndGet();
                return chunk * 10;
            });
            assertEquals(IntStream.range(0, 7).map(i -> i * 10).boxed().toList(), results);
            assertEquals(allowed, most.get(), "calls at once with " + allowed + " allowed");
        }
        assertEquals(List.of(), parallel.run(0, 4, aMinute, (chunk, timeout) -> {
            throw new AssertionError("no chunk, no call");
        }));
    }

    /** Alone on the caller's thread or among others on the workers, a failure comes out the same way. */
    @Test
    void anErrorIsRethrownAsItIsAndACheckedExceptionWrapped() {
        for (int chunks : new int[] {1, 3}) {
            AssertionError error = new AssertionError("a bug in a chunk");
            assertSame(error, assertThrows(AssertionError.class, () -> parallel.run(chunks, 2, aMinute,
                    (chunk, timeout) -> {
                        throw error;
                    })));
            IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> parallel.run(chunks, 2,
                    aMinute, (chunk, timeout) -> sneakyThrow(new IOException("disk"))));
            assertInstanceOf(IOException.class, wrapped.getCause());
            IllegalArgumentException runtime = new IllegalArgumentException("refused");
            assertSame(runtime, assertThrows(IllegalArgumentException.class, () -> parallel.run(chunks, 2, aMinute,
                    (chunk, timeout) -> {
                        throw runtime;
                    })));
        }
    }

    @Test
    void aLoneChunkRunsOnTheCallersThreadAndLeavesNoInterruptBehind() {
        Thread caller = Thread.currentThread();
        for (int i = 0; i < 500; i++) {
            assertEquals(List.of(caller), parallel.run(1, 4, aMinute, (chunk, timeout) -> Thread.currentThread()));
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    /**
     * Batch after batch of one chunk, none of the scorer's own threads (the watchdog's timer, the chunk workers) is
     * woken: each wake-up is a context switch on a Lambda's fraction of a core. Counted by Linux per thread.
     */
    @Test
    void aLoneChunkWakesNoThreadOfTheScorers() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux counts context switches per thread");
        parallel.run(1, 4, aMinute, (chunk, timeout) -> chunk); // the watchdog's timer thread exists from here on
        long before = scorerThreadSwitches();
        int batches = 2_000;
        for (int i = 0; i < batches; i++) {
            parallel.run(1, 4, aMinute, (chunk, timeout) -> chunk);
        }
        long switches = scorerThreadSwitches() - before;
        assertTrue(switches < batches / 100, switches + " context switches of the scorer's threads in " + batches
                + " batches");
    }

    /** Voluntary and involuntary context switches of every thread named as the scorer names its own. */
    private static long scorerThreadSwitches() throws IOException {
        long switches = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                try {
                    if (!Files.readString(thread.resolve("comm")).startsWith("sqlscore-")) {
                        continue;
                    }
                    for (String line : Files.readAllLines(thread.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            switches += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended while being read: it did not switch in these batches
                }
            }
        }
        return switches;
    }

    /** A lone call that outlives the deadline is interrupted after the grace, and answered as a missed deadline. */
    @Test
    void aLoneChunkPastTheDeadlineIsInterruptedAndTheBatchOutOfTime() {
        for (boolean returnsAnyway : new boolean[] {false, true}) {
            Deadline brief = Deadline.after(System::nanoTime, System.nanoTime(), Duration.ofMillis(100));
            DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> parallel.run(1, 1,
                    brief, (chunk, timeout) -> {
                        try {
                            Thread.sleep(Duration.ofMinutes(1));
                            return "never";
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt(); // as a careless call would leave it
                            if (returnsAnyway) {
                                return "late";
                            }
                            throw new IllegalStateException("interrupted");
                        }
                    }));
            assertEquals(504, e.httpStatus());
            assertFalse(Thread.interrupted(), "the watchdog's interrupt is not left on the caller's thread");
        }
    }

    /** A checked exception through a task that does not declare it, as a library compiled elsewhere may throw. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> String sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aCallerInterruptedWhileWaitingForWorkersKeepsItsInterruptAndIsTold() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                running.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> parallel.run(2, 2, aMinute, (chunk, timeout) -> {
                        running.countDown();
                        try {
                            Thread.sleep(Duration.ofMinutes(1));
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                        return "stopped";
                    }));
            assertEquals("interrupted while waiting for the model", e.getMessage());
            assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
        } finally {
            interrupter.join();
        }
    }
}
