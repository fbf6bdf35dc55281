package dev.sqlscore.hardening;

import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends many {@link ChurnBatch}es at once to a local external-function API, as Snowflake does (gzip bodies, its
 * headers, one batch id each), and checks every answer: every row once, in order, with its own value. Bounded in
 * count and in time; loopback only.
 *
 * @param endpoint the SageMaker endpoint name the batches' function names
 */
record LoadDriver(URI api, String endpoint, int batches, int rowsPerBatch, int concurrency, Duration timeLimit) {

    /** What a run did; latencies in nanoseconds, sorted. */
    record Result(int sent, int answered, int failed, String firstFailure, long elapsedNanos, List<Long> latencies) {

        double batchesPerSecond() {
            return answered / (elapsedNanos / 1e9);
        }

        double percentileMillis(double percentile) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latencies.size()) - 1;
            return latencies.get(Math.max(0, index)) / 1e6;
        }
    }

    Result run() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long stopAt = start + timeLimit.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.execute(() -> {
                int batch;
                while (System.nanoTime() < stopAt && (batch = next.getAndIncrement()) < batches) {
                    long first = (long) batch * rowsPerBatch;
                    long sentAt = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request(batch, first),
                                HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - sentAt);
                        byte[] body = SnowflakeAnswers.gunzipIfGzip(response.body());
                        if (response.statusCode() != 200) {
                            throw new AssertionError("status " + response.statusCode() + ": "
                                    + new String(body, StandardCharsets.UTF_8));
                        }
                        ChurnBatch.assertCompleteAnswer(rowsPerBatch, first, body);
                        answered.incrementAndGet();
                    } catch (IOException | AssertionError e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "batch " + batch + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(timeLimit.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            clients.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(Math.min(next.get(), batches), answered.get(), failed.get(), firstFailure.get(), elapsed,
                List.copyOf(sorted));
    }

    private HttpRequest request(int batch, long first) {
        return HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip")
                .header("sf-external-function-format", "json")
                .header("sf-external-function-format-version", "1.0")
                .header("sf-external-function-current-query-id", "load-query")
                .header("sf-external-function-query-batch-id", "load-query:" + batch)
                .header("sf-external-function-name", "SAGEMAKER_INVOKE")
                .header("sf-custom-sagemaker-endpoint-name", endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Gzip.compress(ChurnBatch.body(rowsPerBatch, first))))
                .build();
    }
}
