package dev.sqlscore.bench;

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

    /** The nearest-rank percentile. */
    public static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
