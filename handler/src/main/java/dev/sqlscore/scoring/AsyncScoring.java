package dev.sqlscore.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.async.BatchState;
import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.async.S3Location;
import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.errors.InvalidModelResponseException;
import dev.sqlscore.errors.ProtocolException;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.model.AsyncModelInvoker;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.payload.Chunker;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.ResponseDecoder;
import dev.sqlscore.payload.RowRange;
import dev.sqlscore.snowflake.AsyncOptions;
import dev.sqlscore.snowflake.FunctionSettings;
import dev.sqlscore.snowflake.ParsedBatch;
import dev.sqlscore.snowflake.SnowflakeAnswer;
import dev.sqlscore.telemetry.BatchLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Snowflake's asynchronous protocol over SageMaker Asynchronous Inference, with the store as the only state. A POST
 * writes each chunk of the batch to the store, queues it ({@code InvokeEndpointAsync}, inference id derived from
 * the batch id and the chunk), records where its answer will appear, and writes the batch's state last: 202. A
 * GET (no rows, the same headers) finds the state from the batch id alone: 202 while a chunk is pending, 200 with
 * every row in order once every answer is there, the model's error once a failure document appears.
 *
 * <p>A retried POST never starts the work twice: once the state exists it only answers 202, and before that, a chunk
 * already queued (its record exists) is not queued again. Two POSTs of one batch racing each other could both queue
 * a chunk; Snowflake retries a POST only after its first attempt failed or timed out, so they do not overlap.
 */
final class AsyncScoring {

    /** SageMaker async payloads go through S3 and may be up to 1 GB: a batch is one request unless rows are capped. */
    static final int MAX_REQUEST_BYTES = 1_000_000_000;

    private final ObjectStore store;
    private final AsyncModelInvoker invoker;
    private final S3Location statePrefix;
    private final ScoringConfig config;
    private final LongSupplier wallClock;
    private final ParallelChunks parallel;

    private static final String BATCH_STATE = "batch.json";
    private static final String JSON = "application/json";

    AsyncScoring(ObjectStore store, AsyncModelInvoker invoker, S3Location statePrefix, ScoringConfig config,
                 LongSupplier wallClock, ParallelChunks parallel) {
        this.store = store;
        this.invoker = invoker;
        this.statePrefix = statePrefix;
        this.config = config;
        this.wallClock = wallClock;
        this.parallel = parallel;
    }

    /** Starts a batch (or finds it started): always 202 unless the start itself fails. */
    ScoringResponse start(String batchId, FunctionSettings settings, ParsedBatch batch, Deadline deadline,
                          BatchLog log) {
        S3Location folder = folder(batchId);
        if (store.exists(folder.resolve(BATCH_STATE), deadline.remaining())) {
            log.asyncState("already-started");
            return accepted(batchId);
        }
        EncodedRows encoded = batch.encoded();
        List<RowRange> ranges = Chunker.plan(encoded, MAX_REQUEST_BYTES, config.maxRowsPerRequest());
        log.chunks(ranges.size());
        long modelStart = System.nanoTime();
        List<BatchState.Chunk> chunks = parallel.run(ranges.size(), config.maxConcurrentRequests(), deadline,
                (chunk, timeout) -> queue(batchId, folder, settings, encoded, ranges.get(chunk), chunk,
                        Deadline.after(System::nanoTime, System.nanoTime(), timeout)));
        log.modelMillis((System.nanoTime() - modelStart) / 1_000_000);
        // Written last: its presence is what tells a retried POST, and every poll, that the batch is started.
        store.put(folder.resolve(BATCH_STATE), new BatchState(wallClock.getAsLong(), batch.rowNumbers(),
                batch.noInput(), chunks).toJson(), JSON, deadline.remaining());
        log.asyncState("started");
        return accepted(batchId);
    }

    /** A chunk's payload in the store, then queued; a chunk a retried POST already queued is not queued again. */
    private BatchState.Chunk queue(String batchId, S3Location folder, FunctionSettings settings, EncodedRows encoded,
                                   RowRange range, int chunk, Deadline deadline) {
        S3Location record = folder.resolve("chunk-" + chunk + ".json");
        Optional<ObjectStore.StoredObject> queued = store.get(record, deadline.remaining());
        if (queued.isPresent()) {
            BatchState.Chunk earlier = BatchState.fromJson(queued.get().body()).chunks().get(0);
            return new BatchState.Chunk(range.count(), earlier.output(), earlier.failure());
        }
        S3Location input = folder.resolve("chunk-" + chunk + ".in");
        store.put(input, encoded.body(range), settings.contentType(), deadline.remaining());
        AsyncOptions async = settings.async();
        AsyncModelInvoker.Queued outcome = invoker.invokeAsync(new AsyncModelInvoker.Request(settings.endpointName(),
                settings.contentType(), settings.accept(), settings.customAttributes(), input,
                hash(batchId).substring(0, 32) + "-" + chunk, async.invocationTimeoutSeconds(),
                async.requestTtlSeconds()), deadline.remaining());
        requireBelow(outcome.output(), async.outputPath(), FunctionSettings.OUTPUT_PATH, "S3OutputPath");
        S3Location failure = async.failurePath() == null ? null : outcome.failure();
        if (failure != null) {
            requireBelow(failure, async.failurePath(), FunctionSettings.FAILURE_PATH, "S3FailurePath");
        }
        BatchState.Chunk result = new BatchState.Chunk(range.count(), outcome.output(), failure);
        store.put(record, new BatchState(0, new long[0], new int[0], List.of(result)).toJson(), JSON,
                deadline.remaining());
        return result;
    }

    /** The handler may read answers only where the function's settings (and its IAM policy) say they will be. */
    private static void requireBelow(S3Location location, String path, String header, String endpointSetting) {
        String prefix = path.endsWith("/") ? path : path + "/";
        if (!location.uri().startsWith(prefix)) {
            throw new InvalidHeaderException("The endpoint answered that its outcome will be at " + location
                    + ", outside the function's " + header + " " + path + ": set " + header + " to the endpoint's "
                    + endpointSetting);
        }
    }

    /** Where a chunk stands, from the store. */
    private enum Outcome { ANSWERED, FAILED, PENDING }

    /** Answers a poll from the store alone: existence checks while pending, the answers read once all are there. */
    ScoringResponse poll(String batchId, FunctionSettings settings, Deadline deadline, BatchLog log) {
        S3Location folder = folder(batchId);
        BatchState state = store.get(folder.resolve(BATCH_STATE), deadline.remaining())
                .map(found -> BatchState.fromJson(found.body()))
                .orElseThrow(() -> new BatchNotFoundException(batchId));
        List<BatchState.Chunk> chunks = state.chunks();
        List<Outcome> outcomes = parallel.run(chunks.size(), config.maxConcurrentRequests(), deadline,
                (chunk, timeout) -> {
                    BatchState.Chunk queued = chunks.get(chunk);
                    if (store.exists(queued.output(), timeout)) {
                        return Outcome.ANSWERED;
                    }
                    return queued.failure() != null && store.exists(queued.failure(), timeout) ? Outcome.FAILED
                            : Outcome.PENDING;
                });
        int failed = outcomes.indexOf(Outcome.FAILED);
        if (failed >= 0) {
            log.asyncState("failed");
            S3Location where = chunks.get(failed).failure();
            byte[] document = store.get(where, deadline.remaining()).map(ObjectStore.StoredObject::body)
                    .orElse(new byte[0]);
            throw failed(document, where, failed, chunks.size(), settings);
        }
        long answered = outcomes.stream().filter(Outcome.ANSWERED::equals).count();
        if (answered < chunks.size()) {
            log.asyncState("pending");
            return new ScoringResponse(202, ("{\"batchId\":\"" + jsonSafe(batchId) + "\",\"state\":\"pending\","
                    + "\"chunksAnswered\":" + answered + ",\"chunks\":" + chunks.size() + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<List<JsonValue>> answers = parallel.run(chunks.size(), config.maxConcurrentRequests(), deadline,
                (chunk, timeout) -> {
                    BatchState.Chunk queued = chunks.get(chunk);
                    ObjectStore.StoredObject output = store.get(queued.output(), timeout)
                            .orElseThrow(() -> new BatchNotFoundException(batchId));
                    return decode(output, queued.rows(), chunk, chunks.size());
                });
        log.asyncState("done");
        log.modelMillis(Math.max(0, wallClock.getAsLong() - state.createdAtMillis()));
        return new ScoringResponse(200, reassemble(state, answers));
    }

    /** Every row of the batch in its order: the model's values, NULL for the rows that had no input. */
    private static byte[] reassemble(BatchState state, List<List<JsonValue>> answers) {
        List<JsonValue> scored = new ArrayList<>();
        answers.forEach(scored::addAll);
        return SnowflakeAnswer.data(state.rowNumbers(), ParsedBatch.withNulls(state.rowNumbers().length,
                state.noInput(), scored));
    }

    private static List<JsonValue> decode(ObjectStore.StoredObject output, int rows, int chunk, int chunks) {
        try {
            return ResponseDecoder.decode(output.contentType(), output.body(), rows);
        } catch (InvalidModelResponseException e) {
            throw new InvalidModelResponseException("Model request " + (chunk + 1) + " of " + chunks
                    + " (asynchronous): " + e.getMessage(), e);
        }
    }

    /**
     * A failure document is the container's own error (it may echo rows: never quoted). Its status, when the document
     * says one, decides 4xx (the input) from 5xx (the model); without one it is taken as the input's fault, as
     * retrying a finished inference cannot help. (*Unconfirmed*: SageMaker's failure documents do not always carry it.)
     */
    private static ModelInvocationException failed(byte[] document, S3Location where, int chunk, int chunks,
                                                   FunctionSettings settings) {
        int status = failureStatus(document);
        String message = "The model failed request " + (chunk + 1) + " of " + chunks + " of this batch after it was "
                + "queued (HTTP " + (status > 0 ? status : "status not given") + "); its error document is " + where
                + " and the endpoint's log group /aws/sagemaker/Endpoints/" + settings.endpointName() + " has more";
        return new ModelInvocationException(status >= 500 ? ModelInvocationException.Failure.UNAVAILABLE
                : ModelInvocationException.Failure.MODEL_REJECTED_INPUT, message);
    }

    private static int failureStatus(byte[] document) {
        try {
            var node = new ObjectMapper().readTree(document);
            for (String field : List.of("statusCode", "OriginalStatusCode", "status")) {
                if (node != null && node.path(field).canConvertToInt()) {
                    return node.path(field).asInt();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: no status to read
        }
        return 0;
    }

    private S3Location folder(String batchId) {
        return statePrefix.resolve(hash(batchId).substring(0, 40) + "/");
    }

    private static ScoringResponse accepted(String batchId) {
        return new ScoringResponse(202, ("{\"batchId\":\"" + jsonSafe(batchId) + "\",\"state\":\"pending\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Batch ids are Snowflake's (digits, letters, dashes and colons); anything else is dropped from the echo. */
    private static String jsonSafe(String batchId) {
        return batchId.replaceAll("[^A-Za-z0-9:._-]", "");
    }

    static String hash(String batchId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(batchId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A poll for a batch this deployment never started, or whose state has expired. */
    static final class BatchNotFoundException extends ProtocolException {

        static final String CODE = "BATCH_NOT_FOUND";

        BatchNotFoundException(String batchId) {
            super(404, CODE, "No batch " + jsonSafe(batchId) + " was started by this function, or its state has "
                    + "expired (the stack keeps it for its asyncStateDays): run the query again");
        }
    }
}
