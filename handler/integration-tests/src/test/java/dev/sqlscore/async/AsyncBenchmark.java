package dev.sqlscore.async;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.demo.ChurnScores;
import dev.sqlscore.local.demo.LocalPipeline;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The asynchronous path's own costs, in one process over loopback (the real handler, S3Proxy, the model server's
 * async-invocations), for 10,000-row batches: the time to 202 of a POST (the process's first, cold, and warm ones),
 * the overhead from the model's answer to Snowflake's 200 (what the handler's poll adds beyond the model's own time,
 * at a 50 ms poll interval), the handler's time per answering poll, and the S3 bytes the handler writes per row.
 * Not a test: run it, read it, compare runs.
 *
 * <pre>./mvnw -B -q -DskipTests package && ./mvnw -B -q -pl handler/integration-tests exec:exec@async-benchmark</pre>
 */
public final class AsyncBenchmark {

    private static final int ROWS = 10_000;
    private static final int BATCHES = 20;
    private static final Duration MODEL_TIME = Duration.ofMillis(500);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private AsyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicLong modelDoneNanos = new AtomicLong();
        ChurnModel churn = new ChurnModel();
        List<JsonNode> rows = ChurnScores.rows(ROWS);
        List<Double> postMillis = new ArrayList<>();
        List<Double> overheadMillis = new ArrayList<>();
        try (LocalPipeline pipeline = LocalPipeline.builder()
                .api(LocalApiServer.builder().port(0).log(line -> { }))
                .asyncEndpoint("bench-async", invocation -> {
                    var reply = churn.invoke(invocation);
                    modelDoneNanos.set(System.nanoTime());
                    return reply;
                }, MODEL_TIME)
                .handlerLog(log::add)
                .start();
             HttpClient http = HttpClient.newHttpClient()) {
            for (int b = 0; b < BATCHES; b++) {
                SnowflakeRequestFactory.Builder builder = SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                        .queryId("bench-" + b).timeout(Duration.ofSeconds(60));
                pipeline.asyncFunctionHeaders().forEach(builder::customHeader);
                SnowflakeRequestFactory requests = builder.build();
                SnowflakeBatch batch = SnowflakeBatch.split(rows, ROWS).get(0);
                long start = System.nanoTime();
                HttpResponse<byte[]> accepted = http.send(requests.request(batch), HttpResponse.BodyHandlers
                        .ofByteArray());
                postMillis.add((System.nanoTime() - start) / 1e6);
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("POST answered " + accepted.statusCode());
                }
                HttpResponse<byte[]> answer;
                do {
                    Thread.sleep(POLL_INTERVAL);
                    answer = http.send(requests.poll(batch), HttpResponse.BodyHandlers.ofByteArray());
                } while (answer.statusCode() == 202);
                long answered = System.nanoTime();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("poll answered " + answer.statusCode());
                }
                overheadMillis.add((answered - modelDoneNanos.get()) / 1e6);
            }
            Map<String, long[]> bytes = stateBytes(pipeline.s3().client());
            report(postMillis, overheadMillis, handlerMillis(log, "started"), handlerMillis(log, "done"),
                    handlerMillis(log, "pending"), bytes);
        }
    }

    /** The handler's own totalMs for requests that ended in {@code state}. */
    private static List<Double> handlerMillis(List<String> log, String state) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (String line : log) {
            JsonNode node = LocalJson.MAPPER.readTree(line);
            if (state.equals(node.path("state").asText())) {
                millis.add(node.path("totalMs").asDouble());
            }
        }
        return millis;
    }

    /** Bytes and objects the handler left in the state bucket, by kind (payload, chunk record, batch state). */
    private static Map<String, long[]> stateBytes(S3Client s3) {
        Map<String, long[]> kinds = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(LocalPipeline.STATE_BUCKET)).contents()) {
            String kind = object.key().endsWith(".in") ? "payloads (chunk-i.in)"
                    : object.key().endsWith("batch.json") ? "batch state (batch.json)" : "chunk records (chunk-i.json)";
            long[] sum = kinds.computeIfAbsent(kind, k -> new long[2]);
            sum[0] += object.size();
            sum[1]++;
        }
        return kinds;
    }

    private static void report(List<Double> post, List<Double> overhead, List<Double> started, List<Double> done,
                               List<Double> pending, Map<String, long[]> bytes) {
        System.out.printf("%d batches of %,d rows; model %d ms per request; polls every %d ms; JDK %s%n", BATCHES,
                ROWS, MODEL_TIME.toMillis(), POLL_INTERVAL.toMillis(), Runtime.version());
        System.out.printf("POST to 202, client side: first (cold) %.0f ms; the others p50 %.0f ms, p90 %.0f ms%n",
                post.get(0), percentile(post.subList(1, post.size()), 50),
                percentile(post.subList(1, post.size()), 90));
        System.out.printf("POST to 202, handler's totalMs: first %.0f ms; the others p50 %.0f ms%n", started.get(0),
                percentile(started.subList(1, started.size()), 50));
        System.out.printf("Model answered -> client has the 200: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n",
                percentile(overhead, 50), percentile(overhead, 90), Collections.max(overhead));
        System.out.printf("Handler's totalMs per poll: pending p50 %.0f ms; answering (200, %,d rows) p50 %.0f ms, "
                + "p90 %.0f ms%n", percentile(pending, 50), ROWS, percentile(done, 50), percentile(done, 90));
        long total = 0;
        for (Map.Entry<String, long[]> kind : bytes.entrySet()) {
            System.out.printf("S3 written by the handler, %s: %,d bytes in %d objects, %.1f bytes per row%n",
                    kind.getKey(), kind.getValue()[0], kind.getValue()[1],
                    kind.getValue()[0] / (double) (BATCHES * ROWS));
            total += kind.getValue()[0];
        }
        System.out.printf("S3 written by the handler in all: %.1f bytes per row%n", total / (double) (BATCHES * ROWS));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
