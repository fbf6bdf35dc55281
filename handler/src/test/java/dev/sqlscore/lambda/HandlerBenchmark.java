package dev.sqlscore.lambda;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the handler's own cost per batch: event parse, base64/gzip, batch parse, CSV encode, chunking, response
 * decode, answer and proxy-response write. The model is in memory and answers from a cache, and the time spent in it
 * is subtracted, so what remains is the handler's. Not a test: run it, read it, compare runs.
 *
 * <p>Peak heap is the sum of the heap pools' peak usage over the measured batches: an upper bound that includes
 * garbage not yet collected, so it depends on the heap size and collector as much as on the handler.
 *
 * <pre>
 * ./mvnw -B -q -pl handler test-compile exec:exec@bench              # the JVM's default JIT
 * ./mvnw -B -q -pl handler test-compile exec:exec@bench-lambda-jit   # C1 only, as Lambda's java21 runs it
 * </pre>
 */
public final class HandlerBenchmark {

    private static final int WARMUP_SECONDS = 8;
    /** Bytes allocated by every thread, the scorer's chunk threads included. */
    private static final ThreadMXBean ALLOCATION =
            (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Scenario(String name, int rows, byte[] event, int iterations) {
    }

    private HandlerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        AtomicLong modelNanos = new AtomicLong();
        ModelInvoker model = cachedModel(modelNanos);
        BatchScorer scorer = BatchScorer.builder().config(ScoringConfig.defaults()).invoker(model).logSink(line -> { })
                .build();
        ExternalFunctionHandler handler = new ExternalFunctionHandler(scorer, line -> { });
        Map<String, String> headers = TestEvents.snowflakeHeaders("churn-xgb", PayloadFormat.CSV.mediaType());

        byte[] small = TestEvents.churnBatch(10_000);
        int largeRows = 9_000_000 / (small.length / 10_000);
        byte[] large = TestEvents.churnBatch(largeRows);
        List<Scenario> scenarios = List.of(
                snowflakeSized(200, 20_000), snowflakeSized(1_000, 5_000), snowflakeSized(4_096, 1_000),
                new Scenario("10,000 rows x 13 features, " + mb(small.length) + " JSON body", 10_000,
                        TestEvents.post(headers, small, false), 60),
                new Scenario(String.format("%,d rows x 13 features, %s JSON body sent gzip+base64", largeRows,
                        mb(large.length)), largeRows, TestEvents.post(headers, large, true), 15));

        System.out.printf("JDK %s, %d cores, max heap %s, GC %s, JIT: %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), mb(Runtime.getRuntime().maxMemory()), gcNames(), jit());
        System.out.println("| batch | handler ms/batch (median) | p90 ms | rows/s | allocated per batch | peak heap "
                + "| GCs (ms) per batch |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Scenario scenario : scenarios) {
            run(handler, scenario, modelNanos);
        }
        System.out.println("Measured " + LocalDate.now() + "; model time subtracted (in-memory, cached answers).");
    }

    /**
     * A batch of a size Snowflake sends (about 200 rows to a fast endpoint, up to 4,096 as latency grows) in all of
     * API Gateway's event around it, which at these sizes is a share of the work: 28 headers twice over, the request
     * context.
     */
    private static Scenario snowflakeSized(int rows, int iterations) {
        byte[] body = TestEvents.churnBatch(rows);
        return new Scenario(String.format("%,d rows x 13 features, %s JSON body", rows, mb(body.length)), rows,
                TestEvents.gatewayPost("churn-xgb", PayloadFormat.CSV.mediaType(), body), iterations);
    }

    /** Lambda's java17 and java21 runtimes stop at C1 ({@code exec:exec@bench-lambda-jit} runs so). */
    private static String jit() {
        String stopLevel = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel").getValue();
        return "1".equals(stopLevel) ? "C1 only, as Lambda's java21" : "C1 and C2";
    }

    private static void run(ExternalFunctionHandler handler, Scenario scenario, AtomicLong modelNanos)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            once(handler, scenario, out);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long allocated = ALLOCATION.getTotalThreadAllocatedBytes();
        long[] handlerNanos = new long[scenario.iterations()];
        for (int i = 0; i < scenario.iterations(); i++) {
            modelNanos.set(0);
            long start = System.nanoTime();
            once(handler, scenario, out);
            handlerNanos[i] = System.nanoTime() - start - modelNanos.get();
        }
        allocated = ALLOCATION.getTotalThreadAllocatedBytes() - allocated;
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Arrays.sort(handlerNanos);
        double medianMillis = handlerNanos[handlerNanos.length / 2] / 1e6;
        double p90Millis = handlerNanos[(int) (handlerNanos.length * 0.9)] / 1e6;
        System.out.printf("| %s | %.3f | %.3f | %,.0f | %s | %s | %.2f (%.1f) |%n", scenario.name(), medianMillis,
                p90Millis, scenario.rows() / (medianMillis / 1000), mb(allocated / scenario.iterations()), mb(peakHeap),
                (gcCount() - gcCount) / (double) scenario.iterations(),
                (gcMillis() - gcMillis) / (double) scenario.iterations());
    }

    private static void once(ExternalFunctionHandler handler, Scenario scenario, ByteArrayOutputStream out)
            throws IOException {
        out.reset();
        handler.handleRequest(new ByteArrayInputStream(scenario.event()), out, null);
        if (!out.toString(StandardCharsets.UTF_8).startsWith("{\"statusCode\":200,")) {
            throw new IllegalStateException("the batch failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Answers n rows with n CSV lines, computed once per distinct request size (the chunks repeat across
     * iterations), so that after warm-up the model costs a map lookup; that time is still measured and subtracted.
     */
    private static ModelInvoker cachedModel(AtomicLong modelNanos) {
        Map<Integer, byte[]> answersBySize = new ConcurrentHashMap<>();
        return (request, timeout) -> {
            long start = System.nanoTime();
            byte[] answer = answersBySize.computeIfAbsent(request.body().length, size -> {
                int rows = 0;
                for (byte b : request.body()) {
                    rows += b == '\n' ? 1 : 0;
                }
                return "0.4821\n".repeat(rows).getBytes(StandardCharsets.UTF_8);
            });
            modelNanos.addAndGet(System.nanoTime() - start);
            return new ModelResponse("text/csv", answer);
        };
    }

    private static String mb(long bytes) {
        return bytes < 1_000_000 ? String.format("%.1f KB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
