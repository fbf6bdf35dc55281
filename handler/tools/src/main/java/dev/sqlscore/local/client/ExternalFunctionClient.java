package dev.sqlscore.local.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import java.util.function.Supplier;

/**
 * Calls an external function's URL the way Snowflake does: the rows cut into batches, several batches in flight
 * at once, 429 and 5xx retried with backoff, a 202 polled with GETs until the answer, each answer checked; returns
 * the values in input order.
 */
public final class ExternalFunctionClient {

    /** Told after each batch: rows answered so far, and rows in all. */
    @FunctionalInterface
    public interface ProgressListener {
        void rowsDone(int done, int total);
    }

    /** Told before each retry, so a user sees why a run is waiting; never row data. */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * @param why   what went wrong, e.g. {@code HTTP 503} or {@code no answer (Connection refused)}
         * @param retry which retry comes next, from 1
         */
        void retrying(SnowflakeBatch batch, String why, int retry, int maxRetries, Duration pause);
    }

    /** Told before each poll of a pending (asynchronous) batch; never row data. */
    @FunctionalInterface
    public interface PollListener {
        /**
         * @param polls  polls so far
         * @param waited since the batch was accepted
         * @param state  what the last answer said, e.g. {@code 1 of 2 model requests answered}
         */
        void pending(SnowflakeBatch batch, int polls, Duration waited, String state);
    }

    /** Longest error body quoted back to the user. */
    private static final int MAX_QUOTED_BODY = 2_000;

    private final SnowflakeRequestFactory requests;
    private final HttpClient http;
    private final int concurrency;
    private final RetryPolicy retryPolicy;
    private final ProgressListener progress;
    private final RetryListener retries;
    private final PollPolicy pollPolicy;
    private final PollListener polls;

    private ExternalFunctionClient(Builder builder) {
        this.requests = Objects.requireNonNull(builder.requests, "requests");
        this.http = Objects.requireNonNull(builder.http, "http");
        if (builder.concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + builder.concurrency);
        }
        this.concurrency = builder.concurrency;
        this.retryPolicy = builder.retryPolicy;
        this.progress = builder.progress;
        this.retries = builder.retries;
        this.pollPolicy = builder.pollPolicy;
        this.polls = builder.polls;
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

    /**
     * Sends one batch, retrying 429, 5xx and broken connections as the retry policy says; a batch answered 202 (an
     * asynchronous function) is polled with GETs as the poll policy says.
     *
     * @return one value per row of the batch, in its order
     * @throws ExternalFunctionException when the batch failed for good, or stayed pending past the poll timeout
     */
    public JsonNode[] send(SnowflakeBatch batch) throws InterruptedException {
        HttpResponse<byte[]> response = exchange(batch, () -> requests.request(batch));
        if (response.statusCode() == 202) {
            response = awaitAnswer(batch, response);
        }
        return AnswerReader.values(decoded(response), batch.size());
    }

    /** One request, retried until it is answered 200 or 202; anything else that is final throws. */
    private HttpResponse<byte[]> exchange(SnowflakeBatch batch, Supplier<HttpRequest> request)
            throws InterruptedException {
        for (int retry = 0; ; retry++) {
            boolean lastTry = retry == retryPolicy.maxRetries();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                String why = "no answer from " + requests.uri() + " (" + describe(e) + ")";
                if (lastTry) {
                    throw new ExternalFunctionException(batch.describe() + ": " + why
                            + (retry > 0 ? " after " + retry + " retries" : ""), e);
                }
                pause(batch, why, retry + 1);
                continue;
            }
            int status = response.statusCode();
            if (status == 200 || status == 202) {
                return response;
            }
            if (lastTry || !RetryPolicy.retryable(status)) {
                throw new ExternalFunctionException(status, batch.describe() + ": HTTP " + status + (retry > 0
                        ? " after " + retry + " retries" : "") + ": " + quoted(decoded(response)));
            }
            pause(batch, "HTTP " + status, retry + 1);
        }
    }

    /** Polls until the batch is answered (200) or fails; each poll gets the retry policy afresh. */
    private HttpResponse<byte[]> awaitAnswer(SnowflakeBatch batch, HttpResponse<byte[]> accepted)
            throws InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> pending = accepted;
        for (int poll = 1; ; poll++) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            Duration pause = pollPolicy.delayBefore(poll);
            if (waited.plus(pause).compareTo(pollPolicy.timeout()) > 0) {
                throw new ExternalFunctionException(batch.describe() + ": still pending after "
                        + waited.toSeconds() + " s of polling (" + (poll - 1) + " polls); the function answers "
                        + "asynchronously and its model has not finished: Snowflake would give up too (raise "
                        + "--async-timeout to wait longer)", null);
            }
            polls.pending(batch, poll - 1, waited, progressOf(decoded(pending)));
            Thread.sleep(pause);
            pending = exchange(batch, () -> requests.poll(batch));
            if (pending.statusCode() == 200) {
                return pending;
            }
        }
    }

    /** The handler's 202 body says how many model requests have answered; other services' bodies are ignored. */
    private static String progressOf(byte[] body) {
        try {
            JsonNode node = LocalJson.MAPPER.readTree(body);
            if (node != null && node.path("chunks").canConvertToInt()
                    && node.path("chunksAnswered").canConvertToInt()) {
                return node.path("chunksAnswered").asInt() + " of " + node.path("chunks").asInt()
                        + " model requests answered";
            }
        } catch (IOException e) {
            // not JSON: Snowflake ignores a 202's body, and so may a service
        }
        return "queued";
    }

    private void pause(SnowflakeBatch batch, String why, int retry) throws InterruptedException {
        Duration pause = retryPolicy.delayBefore(retry);
        retries.retrying(batch, why, retry, retryPolicy.maxRetries(), pause);
        Thread.sleep(pause);
    }

    /** {@code Connection refused}, not an exception's class name and an empty message. */
    private static String describe(IOException e) {
        if (e instanceof ConnectException && e.getMessage() == null) {
            return "Connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the --timeout";
        }
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
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
        private RetryListener retries = (batch, why, retry, maxRetries, pause) -> { };
        private PollPolicy pollPolicy = PollPolicy.DEFAULT;
        private PollListener polls = (batch, count, waited, state) -> { };

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

        public Builder retries(RetryListener retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        public Builder pollPolicy(PollPolicy pollPolicy) {
            this.pollPolicy = Objects.requireNonNull(pollPolicy, "pollPolicy");
            return this;
        }

        public Builder polls(PollListener polls) {
            this.polls = Objects.requireNonNull(polls, "polls");
            return this;
        }

        public ExternalFunctionClient build() {
            return new ExternalFunctionClient(this);
        }
    }
}
