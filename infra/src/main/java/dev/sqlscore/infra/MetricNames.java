package dev.sqlscore.infra;

import java.util.List;

/**
 * The handler's metric and dimension names (its {@code dev.sqlscore.telemetry.Metrics}), which the dashboard and the
 * alarms address. The infra program does not link the handler, so {@code HandlerContractTest} holds this copy to the
 * one in the built {@code handler.jar}: the two cannot drift.
 */
final class MetricNames {

    static final String DIMENSION_FUNCTION = "function";
    static final String DIMENSION_ENDPOINT = "endpoint";
    static final String DIMENSION_OUTCOME = "outcome";

    static final String ROWS = "rows";
    static final String CHUNKS = "chunks";
    static final String BYTES_IN = "bytesIn";
    static final String BYTES_OUT = "bytesOut";
    static final String MODEL_MS = "modelMs";
    static final String HANDLER_MS = "totalMs";
    static final String BATCHES = "batches";
    static final String ERRORS = "errors";
    static final String THROTTLES = "throttles";
    static final String RESULTS = "results";
    static final String COLD_STARTS = "coldStarts";
    static final String RESTORES = "restores";
    static final String ROWS_REFUSED = "rowsRefused";

    static final List<String> NAMES = List.of(ROWS, CHUNKS, BYTES_IN, BYTES_OUT, MODEL_MS, HANDLER_MS, BATCHES, ERRORS,
            THROTTLES, RESULTS, COLD_STARTS, RESTORES, ROWS_REFUSED);

    private MetricNames() {
    }
}
