package dev.sqlscore.local.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.protocol.Gzip;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls an external function's URL the way Snowflake does: the rows cut into batches, several batches in flight
 * at once, 429 and 5xx retried with backoff, each answer checked; returns the values in input order.
 */
public final class ExternalFunctionClient {

    /** Told after each batch: rows answered so far, and rows in all. */
    @FunctionalInterface
    public interface ProgressListener {
        void rowsDone(int done, int total);
    }

    /** Longest error body quoted back to the user. */
    private static final int MAX_QUOTED_BODY = 2_000;

    private final SnowflakeRequestFactory requests;
    private final HttpClient http;
    private final int concurrency;
    private final RetryPolicy retryPolicy;
    private final ProgressListener progress;

    private ExternalFunctionClient(Builder builder) {
        this.requests = Objects.requireNonNull(builder.requests, "requests");
        this.http = Objects.requireNonNull(builder.http, "http");
        if (builder.concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + builder.concurrency);
        }
        this.concurrency = builder.concurrency;
        this.retryPolicy = builder.retryPolicy;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends every batch and waits for all of them.
     *
     * @return one value per row sent, in the batches' order
     * @throws ExternalFunctionException for the first batch that failed for good; the others are abandoned
     */
    public List<JsonNode> call(List<SnowflakeBatch> batches) throws InterruptedException {
        int total = batches.stream().mapToInt(SnowflakeBatch::size).sum();
        JsonNode[] results = new JsonNode[total];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, batches.size())));
        try {
            ExecutorCompletionService<Void> completion = new ExecutorCompletionService<>(pool);
            List<Future<Void>> futures = new ArrayList<>();
            for (SnowflakeBatch batch : batches) {
                futures.add(completion.submit(() -> {
                    JsonNode[] values = send(batch);
                    System.arraycopy(values, 0, results, batch.firstRow(), values.length);
                    progress.rowsDone(done.addAndGet(values.length), total);
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                awaitNext(completion);
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }

    private static void awaitNext(ExecutorCompletionService<Void> completion) throws InterruptedException {
        try {
            completion.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private JsonNode[] send(SnowflakeBatch batch) throws InterruptedException {
        for (int retry = 0; ; retry++) {
            if (retry > 0) {
                Thread.sleep(retryPolicy.delayBefore(retry));
            }
            boolean lastTry = retry == retryPolicy.maxRetries();
            HttpResponse<byte[]> response;
            try {
                response = http.send(requests.request(batch), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (lastTry) {
                    throw new ExternalFunctionException("batch " + batch.index() + ": no answer from "
                            + requests.uri() + " (" + e + ")", e);
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return AnswerReader.values(decoded(response), batch.size());
            }
            if (lastTry || !RetryPolicy.retryable(status)) {
                throw new ExternalFunctionException(status, "batch " + batch.index() + " (rows " + batch.firstRow()
                        + ".." + (batch.firstRow() + batch.size() - 1) + "): HTTP " + status + (retry > 0
                        ? " after " + retry + " retries" : "") + ": " + quoted(decoded(response)));
            }
        }
    }

    private static byte[] decoded(HttpResponse<byte[]> response) {
        boolean gzip = Gzip.isGzip(response.headers().firstValue("content-encoding").orElse(null));
        return gzip ? Gzip.decompress(response.body()) : response.body();
    }

    private static String quoted(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_QUOTED_BODY ? text : text.substring(0, MAX_QUOTED_BODY) + "...";
    }

    public static final class Builder {
        private SnowflakeRequestFactory requests;
        private HttpClient http;
        private int concurrency = 4;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ProgressListener progress = (done, total) -> { };

        private Builder() {
        }

        public Builder requests(SnowflakeRequestFactory requests) {
            this.requests = requests;
            return this;
        }

        public Builder http(HttpClient http) {
            this.http = http;
            return this;
        }

        /** Most batches in flight at once. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public ExternalFunctionClient build() {
            return new ExternalFunctionClient(this);
        }
    }
}
