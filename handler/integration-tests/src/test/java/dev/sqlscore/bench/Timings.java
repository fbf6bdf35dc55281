package dev.sqlscore.bench;

import java.time.Duration;
import java.util.Arrays;

/** The benchmarks' timing loop: warm up, then time each run of a step, in milliseconds. */
public final class Timings {

    private Timings() {
    }

    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    public static double[] time(int warmup, int iterations, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /**
     * Runs the step until {@code time} has passed: the JIT compiles the SDK's paths only after some thousands of
     * calls, which a fixed count sized for large batches does not reach with small ones.
     */
    public static long warm(Duration time, Step step) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        long runs = 0;
        while (System.nanoTime() < end) {
            step.run();
            runs++;
        }
        return runs;
    }

    /** The nearest-rank percentile. */
    public static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
