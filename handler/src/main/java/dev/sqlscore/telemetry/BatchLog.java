package dev.sqlscore.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sqlscore.snowflake.HttpHeaders;
import dev.sqlscore.snowflake.SnowflakeHeaders;
import dev.sqlscore.telemetry.EmbeddedMetrics.Directive;
import dev.sqlscore.telemetry.EmbeddedMetrics.Metric;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one structured log line a batch leaves: who asked (Snowflake's query and batch ids, the function, and the
 * context the function sends: user, role, account, warehouse), what it cost, how it ended. It is also a CloudWatch
 * Embedded Metric Format document, so the same line is the batch's metrics ({@link Metrics}). It holds counts,
 * ids and names only: never row data, never header values other than those. Filled in by one thread as the batch
 * progresses.
 */
public final class BatchLog {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ID_CHARS = 256;
    /** How many refused rows the line names: enough to find them, few enough for a bounded line. */
    public static final int REFUSED_ROWS_LOGGED = 5;
    /** What a function name may look like to become a metric dimension; anything else is reported as other. */
    private static final Pattern DIMENSION_SAFE = Pattern.compile("[A-Za-z0-9_$.\"]{1,255}");
    private static final List<List<String>> BY_ENDPOINT_AND_FUNCTION = List.of(List.of(Metrics.DIMENSION_ENDPOINT),
            List.of(Metrics.DIMENSION_FUNCTION, Metrics.DIMENSION_ENDPOINT));
    private static final List<List<String>> BY_OUTCOME = List.of(List.of(Metrics.DIMENSION_FUNCTION,
            Metrics.DIMENSION_ENDPOINT, Metrics.DIMENSION_OUTCOME));

    /** The Snowflake context headers logged, {@code CONTEXT_HEADERS} function -> log field. */
    static final List<String[]> CONTEXT_FIELDS = List.of(new String[] {"current-user", "user"},
            new String[] {"current-role", "role"}, new String[] {"current-account", "account"},
            new String[] {"current-warehouse", "warehouse"});

    private final String namespace;
    private final String queryId;
    private final String batchId;
    private final String functionName;
    private final List<String[]> context = new ArrayList<>();
    private final long bytesIn;
    private String endpoint;
    private boolean endpointAllowed;
    private int rows;
    private int chunks;
    private long bytesOut;
    private long modelMillis = -1;
    private long totalMillis;
    private int status;
    private String errorCode;
    private String errorId;
    private String exception;
    /** For an asynchronous function: what this request did (started, already-started, pending, done, failed). */
    private String asyncState;
    private int rowsRefused;
    private long[] refusedRowNumbers = new long[0];
    private int isolationCalls;
    /** A poll carries no rows: it counts no batch, and a result only when it ends the batch. */
    private boolean poll;

    public BatchLog(HttpHeaders headers, long bytesIn, String namespace) {
        this.namespace = namespace;
        this.queryId = id(headers, SnowflakeHeaders.QUERY_ID);
        this.batchId = id(headers, SnowflakeHeaders.BATCH_ID);
        this.functionName = id(headers, SnowflakeHeaders.FUNCTION_NAME);
        this.bytesIn = bytesIn;
        for (String[] field : CONTEXT_FIELDS) {
            String value = contextValue(headers, SnowflakeHeaders.CONTEXT_PREFIX + field[0]);
            if (value != null) {
                context.add(new String[] {field[1], value});
            }
        }
    }

    private static String id(HttpHeaders headers, String name) {
        return headers.first(name).map(BatchLog::clip).orElse(null);
    }

    /** The plain header, or its {@code -base64} twin (Snowflake's form for values that are not ASCII). */
    private static String contextValue(HttpHeaders headers, String name) {
        var plain = headers.first(name);
        if (plain.isPresent()) {
            return clip(plain.get());
        }
        return headers.first(name + "-base64").map(encoded -> {
            try {
                return clip(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return "(not base64)";
            }
        }).orElse(null);
    }

    private static String clip(String value) {
        return value.length() > MAX_ID_CHARS ? value.substring(0, MAX_ID_CHARS) : value;
    }

    public void endpoint(String name, boolean allowed) {
        this.endpoint = name;
        this.endpointAllowed = allowed;
    }

    public void rows(int count) {
        this.rows = count;
    }

    public void chunks(int count) {
        this.chunks = count;
    }

    /** Wall time from the first model call's start to the last one's end. */
    public void modelMillis(long millis) {
        this.modelMillis = millis;
    }

    /** How the batch ended: the answer's status, size and the time it took. */
    public void answered(int statusCode, long answerBytes, long millis) {
        this.status = statusCode;
        this.bytesOut = answerBytes;
        this.totalMillis = millis;
    }

    public void errorCode(String code) {
        this.errorCode = code;
    }

    /** An internal error: a fresh id the answer also names, and the exception's class (never its message). */
    public String internalError(Throwable e) {
        this.errorId = UUID.randomUUID().toString();
        this.exception = e.getClass().getName();
        return errorId;
    }

    /**
     * Rows answered NULL because the model refused them on their own: how many, the first few of Snowflake's row
     * numbers (never their values), and the extra model calls that found them.
     */
    public void rowsRefused(int count, long[] firstRowNumbers, int extraCalls) {
        this.rowsRefused = count;
        this.refusedRowNumbers = Arrays.copyOf(firstRowNumbers, Math.min(firstRowNumbers.length,
                REFUSED_ROWS_LOGGED));
        this.isolationCalls = extraCalls;
    }

    /** For an asynchronous function: what this request did (started, already-started, pending, done, failed). */
    public void asyncState(String state) {
        this.asyncState = state;
    }

    /** A poll carries no rows: it counts no batch, and a result only when it ends the batch. */
    public void poll(boolean isPoll) {
        this.poll = isPoll;
    }

    /**
     * Fields: {@code queryId, batchId, function, endpoint}, the context ({@code user, role, account, warehouse}, as
     * the function sends them), {@code rows, chunks, bytesIn, bytesOut, modelMs} (wall time from the first model
     * call's start to the last one's end; absent when no call was made), {@code totalMs, status, error} (error code,
     * absent on success), {@code errorId} and {@code exception} (class name) for internal errors; then the metric
     * fields ({@code outcome, batches, errors, throttles, results}) and {@code _aws}. Asynchronous functions add
     * {@code mode} ({@code async}) and {@code state}.
     */
    public String toJson(long timestampMillis) {
        StringWriter text = new StringWriter(640);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("event", "sqlscore.batch");
            optional(json, "queryId", queryId);
            optional(json, "batchId", batchId);
            optional(json, Metrics.DIMENSION_FUNCTION, functionDimension());
            json.writeStringField(Metrics.DIMENSION_ENDPOINT, endpointDimension());
            for (String[] field : context) {
                json.writeStringField(field[0], field[1]);
            }
            json.writeNumberField(Metrics.ROWS, rows);
            json.writeNumberField(Metrics.CHUNKS, chunks);
            json.writeNumberField(Metrics.BYTES_IN, bytesIn);
            json.writeNumberField(Metrics.BYTES_OUT, bytesOut);
            if (modelMillis >= 0) {
                json.writeNumberField(Metrics.MODEL_MS, modelMillis);
            }
            json.writeNumberField(Metrics.HANDLER_MS, totalMillis);
            json.writeNumberField(Metrics.ROWS_REFUSED, rowsRefused);
            if (isolationCalls > 0) {
                json.writeNumberField("isolationCalls", isolationCalls);
                json.writeArrayFieldStart("refusedRows");
                for (long rowNumber : refusedRowNumbers) {
                    json.writeNumber(rowNumber);
                }
                json.writeEndArray();
            }
            json.writeNumberField("status", status);
            optional(json, "error", errorCode);
            optional(json, "errorId", errorId);
            optional(json, "exception", exception);
            if (asyncState != null) {
                json.writeStringField("mode", "async");
                json.writeStringField("state", asyncState);
            }
            json.writeStringField(Metrics.DIMENSION_OUTCOME, errorCode == null ? Metrics.OUTCOME_SUCCESS : errorCode);
            json.writeNumberField(Metrics.BATCHES, poll ? 0 : 1);
            json.writeNumberField(Metrics.ERRORS, status < 400 ? 0 : 1);
            json.writeNumberField(Metrics.THROTTLES, status == 429 ? 1 : 0);
            // A batch's result is counted once: when it is answered (not when an async one is accepted with 202).
            json.writeNumberField(Metrics.RESULTS, status == 202 ? 0 : 1);
            EmbeddedMetrics.write(json, namespace, timestampMillis, directives());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private List<Directive> directives() {
        List<Metric> metrics = new ArrayList<>(List.of(Metric.count(Metrics.ROWS), Metric.count(Metrics.CHUNKS),
                Metric.bytes(Metrics.BYTES_IN), Metric.bytes(Metrics.BYTES_OUT), Metric.millis(Metrics.HANDLER_MS),
                Metric.count(Metrics.BATCHES), Metric.count(Metrics.ERRORS), Metric.count(Metrics.THROTTLES),
                Metric.count(Metrics.ROWS_REFUSED)));
        if (modelMillis >= 0) {
            metrics.add(Metric.millis(Metrics.MODEL_MS));
        }
        return List.of(new Directive(BY_ENDPOINT_AND_FUNCTION, metrics),
                new Directive(BY_OUTCOME, List.of(Metric.count(Metrics.RESULTS))));
    }

    /** The function as Snowflake names it, when it looks like a name: callers cannot mint dimension values. */
    private String functionDimension() {
        if (functionName == null) {
            return Metrics.NONE;
        }
        return DIMENSION_SAFE.matcher(functionName).matches() ? functionName : "(other)";
    }

    /** Only an endpoint of the allow-list becomes a dimension value. */
    private String endpointDimension() {
        if (endpoint == null) {
            return Metrics.NONE;
        }
        return endpointAllowed ? endpoint : Metrics.NOT_ALLOWED;
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
