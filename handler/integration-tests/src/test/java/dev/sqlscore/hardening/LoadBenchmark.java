package dev.sqlscore.hardening;

import dev.sqlscore.modelserver.ModelServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on {@code serve}: Snowflake's small batches, 16 and then 64 at once, against {@code java -jar
 * sqlscore-tools.jar serve} on loopback for a bounded time, its SDK calling a local model server in this process.
 * Every row of every batch must come back once and in order; prints throughput, latency percentiles and the serve
 * process's peak heap (the largest heap occupancy its GC log shows before a collection). Not a test: run it, read
 * it, compare runs.
 *
 * <pre>mvn -B -q -DskipTests package && mvn -B -q -pl handler/integration-tests exec:exec@load</pre>
 */
public final class LoadBenchmark {

    private static final String ENDPOINT = "churn-model";
    /** What Snowflake sends a fast endpoint: about 190 rows a batch, 16 to hundreds of batches in flight. */
    private static final int ROWS_PER_BATCH = 200;
    private static final int[] CONCURRENCY = {16, 64};
    private static final Duration WARMUP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args.length > 0 ? args[0] : "handler/tools/target/sqlscore-tools.jar");
        Path gcLog = Files.createTempFile("sqlscore-serve-gc", ".log");
        List<String> jvm = List.of("-Xmx1g", "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog);
        try (ModelServer model = ModelServer.builder().endpoint(ENDPOINT, ChurnBatch::firstFeature).start();
             ServeProcess serve = ServeProcess.start(jar, jvm, model.endpointUri(), ENDPOINT,
                     Duration.ofSeconds(60))) {
            URI api = serve.uri();
            System.out.printf("%s, %d cores, JDK %s; serve: %s%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), "-Xmx1g -XX:+UseSerialGC -Xlog:gc");
            System.out.printf("batches of %d rows (13 features, gzip) for %d s at each concurrency, after %d s of "
                    + "warm-up at it; every row of every batch checked%n", ROWS_PER_BATCH, MEASURED.toSeconds(),
                    WARMUP.toSeconds());
            System.out.println("| clients | batches | errors | batches/s | rows/s | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int clients : CONCURRENCY) {
                require(new LoadDriver(api, ENDPOINT, Integer.MAX_VALUE, ROWS_PER_BATCH, clients, WARMUP).run());
                LoadDriver.Result result = new LoadDriver(api, ENDPOINT, Integer.MAX_VALUE, ROWS_PER_BATCH, clients,
                        MEASURED).run();
                require(result);
                System.out.printf("| %d | %,d | %d | %.0f | %,.0f | %.1f | %.1f | %.1f |%n", clients,
                        result.answered(), result.failed(), result.batchesPerSecond(),
                        result.batchesPerSecond() * ROWS_PER_BATCH, result.percentileMillis(50),
                        result.percentileMillis(99), result.percentileMillis(100));
            }
            System.out.println("serve peak heap: " + peakHeap(gcLog));
        } finally {
            Files.deleteIfExists(gcLog);
        }
    }

    /** Every batch sent came back whole and in order. */
    private static void require(LoadDriver.Result result) {
        if (result.answered() != result.sent() || result.failed() > 0) {
            throw new IllegalStateException(result.answered() + " of " + result.sent() + " batches answered in full, "
                    + result.failed() + " failed; first: " + result.firstFailure());
        }
    }

    /** The largest heap occupancy before a collection, and the largest heap size, from a {@code -Xlog:gc} file. */
    private static String peakHeap(Path gcLog) throws IOException {
        long before = 0;
        long committed = 0;
        Matcher pause = GC_PAUSE.matcher(Files.readString(gcLog));
        while (pause.find()) {
            before = Math.max(before, Long.parseLong(pause.group(1)));
            committed = Math.max(committed, Long.parseLong(pause.group(3)));
        }
        return before + " MB used (heap " + committed + " MB)";
    }
}
