package dev.sqlscore.telemetry;

import java.util.List;

/**
 * The CloudWatch metrics the handler emits, in the Embedded Metric Format on its log lines: one list of names that
 * the stack's dashboard and alarms use too (the infra program's {@code HandlerContractTest} checks its copy
 * against these). Dimensions are few and bounded: the function, the endpoint and the outcome (an error code or
 * {@code success}); never a query id, a user or a role.
 */
public final class Metrics {

    public static final String DEFAULT_NAMESPACE = "sqlscore";

    public static final String DIMENSION_FUNCTION = "function";
    public static final String DIMENSION_ENDPOINT = "endpoint";
    public static final String DIMENSION_OUTCOME = "outcome";

    public static final String ROWS = "rows";
    public static final String CHUNKS = "chunks";
    public static final String BYTES_IN = "bytesIn";
    public static final String BYTES_OUT = "bytesOut";
    /** Wall time of the model calls of a batch, first start to last end. */
    public static final String MODEL_MS = "modelMs";
    /** The batch's time in the handler. */
    public static final String HANDLER_MS = "totalMs";
    public static final String BATCHES = "batches";
    /** 1 for a batch answered with anything but 200. */
    public static final String ERRORS = "errors";
    /** 1 for a batch answered 429: the model or SageMaker throttled it. */
    public static final String THROTTLES = "throttles";
    /** 1 on the first batch of an execution environment started from scratch. */
    public static final String COLD_STARTS = "coldStarts";
    /** 1 on the first batch after a SnapStart restore. */
    public static final String RESTORES = "restores";
    /** Rows the model refused on their own and the function answered NULL ({@code sagemaker-on-row-error = null}). */
    public static final String ROWS_REFUSED = "rowsRefused";
    /** 1 per batch, by outcome: the count of each error code (or success). */
    public static final String RESULTS = "results";

    public static final String OUTCOME_SUCCESS = "success";
    /** Stands in for a dimension the batch never got to (a request refused before its endpoint was known). */
    public static final String NONE = "(none)";
    /** Stands in for an endpoint outside the allow-list: a caller must not be able to mint dimension values. */
    public static final String NOT_ALLOWED = "(not allowed)";

    /** Every metric name, for the contract between handler and stack. */
    public static final List<String> NAMES = List.of(ROWS, CHUNKS, BYTES_IN, BYTES_OUT, MODEL_MS, HANDLER_MS, BATCHES,
            ERRORS, THROTTLES, RESULTS, COLD_STARTS, RESTORES, ROWS_REFUSED);

    private Metrics() {
    }
}
