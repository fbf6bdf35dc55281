package dev.sqlscore.scoring;

import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.errors.InvalidModelResponseException;
import dev.sqlscore.errors.ProtocolException;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.model.AsyncModelInvoker;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.payload.Chunker;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.ResponseDecoder;
import dev.sqlscore.payload.RowRange;
import dev.sqlscore.snowflake.BatchParser;
import dev.sqlscore.snowflake.FunctionSettings;
import dev.sqlscore.snowflake.ParsedBatch;
import dev.sqlscore.snowflake.RequestBody;
import dev.sqlscore.snowflake.SnowflakeAnswer;
import dev.sqlscore.snowflake.SnowflakeHeaders;
import dev.sqlscore.telemetry.BatchLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Answers one Snowflake batch: parse, resolve the function's settings, cut into chunks, invoke the model
 * for each chunk in parallel under the deadline, decode, reassemble in row order. Never throws: every
 * failure becomes a {@link ScoringResponse} with the status Snowflake should act on, and every batch leaves
 * one JSON line in the log sink. Thread-safe: one scorer serves every batch of a process.
 */
public final class BatchScorer {

    /**
     * Extra model calls one batch may spend isolating refused rows: about 18 refused rows of a 10,000-row chunk
     * (2 x refused x log2(rows) calls at worst), far more when they sit together.
     */
    static final int ISOLATION_CALL_BUDGET = 512;

    /** Kept back from the carrier's remaining time to write and return the answer. */
    public static final Duration ANSWER_MARGIN = Duration.ofMillis(500);
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String STATE_ACCESS_DENIED = "STATE_ACCESS_DENIED";
    public static final String STATE_UNAVAILABLE = "STATE_UNAVAILABLE";

    private final ScoringConfig config;
    private final ModelInvoker invoker;
    private final Consumer<String> logSink;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    /** Null when the deployment has no state store: asynchronous functions are then refused. */
    private final AsyncScoring async;
    private final ParallelChunks parallel = new ParallelChunks();

    private BatchScorer(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.invoker = Objects.requireNonNull(builder.invoker, "invoker");
        this.logSink = Objects.requireNonNull(builder.logSink, "logSink");
        this.nanoClock = Objects.requireNonNull(builder.nanoClock, "clock");
        this.wallClock = Objects.requireNonNull(builder.wallClock, "wallClock");
        this.async = builder.asyncStore == null || builder.asyncInvoker == null || config.asyncStatePath() == null
                ? null : new AsyncScoring(builder.asyncStore, builder.asyncInvoker, config.asyncStatePath(), config,
                wallClock, parallel);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where this scorer's metrics go (its configuration's namespace). */
    public String metricsNamespace() {
        return config.metricsNamespace();
    }

    /** The answer to one batch; never throws. */
    public ScoringResponse score(ScoringRequest request) {
        long start = nanoClock.getAsLong();
        BatchLog log = new BatchLog(request.headers(), request.body().length, config.metricsNamespace());
        ScoringResponse response;
        try {
            Deadline deadline = Deadline.after(nanoClock, start, budget(request.timeRemaining()));
            response = respond(request, deadline, log);
        } catch (ProtocolException e) {
            response = failure(e.httpStatus(), e.errorCode(), e.getMessage(), log);
        } catch (ModelInvocationException e) {
            response = failure(e.failure().httpStatus(), ModelFailures.errorCode(e.failure()), e.getMessage(), log);
        } catch (ObjectStore.StoreException e) {
            response = e.denied()
                    ? failure(403, STATE_ACCESS_DENIED, "The function may not read or write its asynchronous state ("
                    + e.getMessage() + "): the Lambda's role needs s3:GetObject and s3:PutObject on the stack's "
                    + "bucket and s3:GetObject on the endpoint's output and failure paths", log)
                    : failure(503, STATE_UNAVAILABLE, "The asynchronous state could not be read or written ("
                    + e.getMessage() + "); Snowflake retries", log);
        } catch (Throwable e) {
            // Anything else is a bug: say so without detail (no stack trace, no data), and leave an id to find it.
            String errorId = log.internalError(e);
            response = failure(500, INTERNAL_ERROR, "Internal error in the scoring function (error id "
                    + errorId + "); its log line for this batch carries the same id", log);
        }
        log.answered(response.statusCode(), response.body().length, millisSince(start));
        emit(log);
        return response;
    }

    private Duration budget(Duration timeRemaining) {
        if (timeRemaining == null) {
            return config.deadline();
        }
        Duration carrier = timeRemaining.minus(ANSWER_MARGIN);
        return carrier.compareTo(config.deadline()) < 0 ? carrier : config.deadline();
    }

    private ScoringResponse respond(ScoringRequest request, Deadline deadline, BatchLog log) {
        boolean poll = SnowflakeHeaders.isPoll(request.method());
        log.poll(poll);
        SnowflakeHeaders.requireSupportedFormat(request.headers());
        SnowflakeHeaders.requireWithinLimits(request.headers());
        FunctionSettings settings = FunctionSettings.fromHeaders(request.headers(), config.defaultEndpoint());
        boolean allowed = config.allows(settings.endpointName());
        log.endpoint(settings.endpointName(), allowed);
        if (!allowed) {
            throw new EndpointNotAllowedException(settings.endpointName());
        }
        if (settings.async() == null) {
            SnowflakeHeaders.requirePost(request.method());
            return new ScoringResponse(200, answer(request, settings, deadline, log));
        }
        if (async == null) {
            throw new InvalidHeaderException("This deployment keeps no state for asynchronous functions ("
                    + ScoringConfig.ENV_ASYNC_STATE_PATH + " is not set): deploy the function with mode async "
                    + "through the stack, or remove 'sagemaker-mode' = 'async' from its HEADERS");
        }
        String batchId = request.headers().first(SnowflakeHeaders.BATCH_ID).filter(id -> !id.isBlank())
                .orElseThrow(() -> new InvalidHeaderException("An asynchronous batch needs its "
                        + SnowflakeHeaders.BATCH_ID + " header, which Snowflake always sends: call the function "
                        + "from Snowflake"));
        if (poll) {
            return async.poll(batchId, settings, deadline, log);
        }
        ParsedBatch batch = BatchParser.parse(RequestBody.decode(request.body()), settings.format());
        log.rows(batch.size());
        if (!batch.hasInput()) {
            log.asyncState("done");
            return new ScoringResponse(200, batch.answer(List.of()));
        }
        return async.start(batchId, settings, batch, deadline, log);
    }

    private byte[] answer(ScoringRequest request, FunctionSettings settings, Deadline deadline, BatchLog log) {
        ParsedBatch batch = BatchParser.parse(RequestBody.decode(request.body()), settings.format());
        log.rows(batch.size());
        if (!batch.hasInput()) {
            return batch.answer(List.of());
        }
        var refusals = new Refusals(ISOLATION_CALL_BUDGET);
        List<JsonValue> scored = score(settings, batch.encoded(), deadline, log, refusals);
        if (refusals.extraCalls() > 0) {
            int[] refused = refusals.rows();
            if (refused.length == batch.encoded().count()) {
                throw refusals.stopped("the model refused every one of the batch's " + refused.length + " rows on "
                        + "its own", batch.encoded().count());
            }
            log.rowsRefused(refused.length, batch.rowNumbersOfEncoded(refused, BatchLog.REFUSED_ROWS_LOGGED),
                    refusals.extraCalls());
        }
        return batch.answer(scored);
    }

    /** The model's values for rows that have input, in order. */
    private List<JsonValue> score(FunctionSettings settings, EncodedRows encoded, Deadline deadline, BatchLog log,
                                  Refusals refusals) {
        List<RowRange> chunks = Chunker.plan(encoded, config.maxRequestBytes(), config.maxRowsPerRequest());
        log.chunks(chunks.size());
        long modelStart = nanoClock.getAsLong();
        List<List<JsonValue>> answers;
        try {
            answers = parallel.run(chunks.size(), config.maxConcurrentRequests(), deadline,
                    (chunk, timeout) -> invokeChunk(settings, encoded, chunks, chunk, timeout, deadline, refusals));
        } catch (ModelInvocationException e) {
            // The invoker was given the time left as its timeout: its timing out is the batch's deadline passing.
            throw e.failure() == ModelInvocationException.Failure.TIMED_OUT ? deadline.exceeded() : e;
        } finally {
            log.modelMillis(millisSince(modelStart));
        }
        if (answers.size() == 1) {
            return answers.get(0);
        }
        List<JsonValue> values = new ArrayList<>(encoded.count());
        answers.forEach(values::addAll);
        return values;
    }

    private List<JsonValue> invokeChunk(FunctionSettings settings, EncodedRows encoded, List<RowRange> chunks,
                                        int chunk, Duration timeout, Deadline deadline, Refusals refusals) {
        RowRange range = chunks.get(chunk);
        try {
            return invokeRange(settings, encoded, range, timeout, chunk, chunks.size());
        } catch (ModelInvocationException e) {
            if (!settings.nullOnRowError() || e.failure() != ModelInvocationException.Failure.MODEL_REJECTED_INPUT) {
                throw e;
            }
            return isolate(settings, encoded, range, deadline, refusals, chunk, chunks.size());
        }
    }

    /**
     * The model refused the chunk: find the rows it refuses on their own by bisection (RowIsolation), answer them NULL
     * and the others with the model's own answers. Throttling, 5xx, timeouts and unreadable answers on the way stay
     * what they are; the budget and the deadline stop it with a message that says how far it got.
     */
    private List<JsonValue> isolate(FunctionSettings settings, EncodedRows encoded, RowRange range, Deadline deadline,
                                    Refusals refusals, int chunk, int chunks) {
        var isolation = new RowIsolation<JsonValue>(range);
        for (var next = isolation.next(); next.isPresent(); next = isolation.next()) {
            if (!refusals.takeCall()) {
                throw refusals.stopped("its budget of " + ISOLATION_CALL_BUDGET + " extra model calls per batch ran "
                        + "out", encoded.count());
            }
            if (deadline.expired()) {
                throw refusals.outOfTime(deadline);
            }
            try {
                isolation.answered(invokeRange(settings, encoded, next.get(), deadline.remaining(), chunk, chunks));
            } catch (ModelInvocationException e) {
                if (e.failure() == ModelInvocationException.Failure.TIMED_OUT) {
                    throw refusals.outOfTime(deadline);
                }
                if (e.failure() != ModelInvocationException.Failure.MODEL_REJECTED_INPUT) {
                    throw e;
                }
                isolation.refused();
            }
        }
        isolation.refusedRows().forEach(refusals::refused);
        return isolation.answers(JsonValue.NULL);
    }

    private List<JsonValue> invokeRange(FunctionSettings settings, EncodedRows encoded, RowRange range,
                                        Duration timeout, int chunk, int chunks) {
        ModelRequest request = new ModelRequest(settings.endpointName(), settings.contentType(), settings.accept(),
                settings.targetModel(), settings.targetVariant(), settings.inferenceComponent(),
                settings.customAttributes(), encoded.body(range));
        ModelResponse response = invoker.invoke(request, timeout);
        try {
            return ResponseDecoder.decode(response.contentType(), response.body(), range.count());
        } catch (InvalidModelResponseException e) {
            throw new InvalidModelResponseException("Model request " + (chunk + 1) + " of " + chunks
                    + " (rows at index " + range.from() + " to " + (range.to() - 1) + " of those sent to the model): "
                    + e.getMessage(), e);
        }
    }

    private static ScoringResponse failure(int status, String code, String message, BatchLog log) {
        log.errorCode(code);
        return new ScoringResponse(status, SnowflakeAnswer.error(code, message));
    }

    private void emit(BatchLog log) {
        try {
            logSink.accept(log.toJson(wallClock.getAsLong()));
        } catch (RuntimeException e) {
            // A broken log sink must not cost Snowflake its answer.
        }
    }

    private long millisSince(long startNanos) {
        return Duration.ofNanos(nanoClock.getAsLong() - startNanos).toMillis();
    }

    @Override
    public String toString() {
        return "BatchScorer[" + config + "]";
    }

    public static final class Builder {
        private ScoringConfig config;
        private ModelInvoker invoker;
        private Consumer<String> logSink = System.out::println;
        private LongSupplier nanoClock = System::nanoTime;
        private LongSupplier wallClock = System::currentTimeMillis;
        private ObjectStore asyncStore;
        private AsyncModelInvoker asyncInvoker;

        private Builder() {
        }

        /**
         * For asynchronous functions: the store that keeps their state (under the configuration's
         * {@code asyncStatePath}) and the door to async endpoints. Without both, async functions are refused.
         */
        public Builder async(ObjectStore store, AsyncModelInvoker invoker) {
            this.asyncStore = store;
            this.asyncInvoker = invoker;
            return this;
        }

        /** Required: the deployment's settings. */
        public Builder config(ScoringConfig config) {
            this.config = config;
            return this;
        }

        /** Required: the model door; called from several threads at once. */
        public Builder invoker(ModelInvoker invoker) {
            this.invoker = invoker;
            return this;
        }

        /** Receives one JSON line per batch; standard output (CloudWatch on Lambda) unless set. */
        public Builder logSink(Consumer<String> logSink) {
            this.logSink = logSink;
            return this;
        }

        /** Milliseconds since the epoch, the metrics' timestamp; {@code System::currentTimeMillis} unless set. */
        public Builder wallClock(LongSupplier wallClock) {
            this.wallClock = wallClock;
            return this;
        }

        /** A monotonic nanosecond clock for deadlines and timings; {@code System::nanoTime} unless set. */
        public Builder clock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** @throws NullPointerException naming a missing config, invoker, log sink or clock */
        public BatchScorer build() {
            return new BatchScorer(this);
        }
    }
}
