package dev.sqlscore.infra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Snowflake external function and the SageMaker call behind it. Optional settings are {@code null} when not
 * set; only set ones become {@code HEADERS} entries.
 *
 * @param sqlName      upper-case SQL identifier, e.g. {@code SAGEMAKER_INVOKE}
 * @param maxBatchRows {@code MAX_BATCH_ROWS}; {@code null} leaves the choice to Snowflake
 * @param compression  {@code COMPRESSION}: AUTO, NONE, GZIP or DEFLATE
 * @param grantees     Snowflake account roles granted USAGE on the function
 * @param contextHeaders {@code CONTEXT_HEADERS}: Snowflake context functions whose values the handler logs,
 *                     e.g. {@code CURRENT_USER}
 * @param async        for {@code mode: async}, the asynchronous endpoint's settings; null for a real-time function
 * @param onRowError   {@code fail} or {@code null} (rows the model refuses on their own answered NULL); null when
 *                     not set, which is {@code fail} and sends no header
 */
public record FunctionSettings(String sqlName, String endpointName, String contentType, String accept,
                               String targetModel, String targetVariant, String inferenceComponent,
                               String customAttributes, Integer maxBatchRows, String compression,
                               List<FunctionArgument> arguments, String returnType, List<String> grantees,
                               List<String> contextHeaders, AsyncSettings async, String onRowError) {

    /** Header names the handler reads (Snowflake delivers them as {@code sf-custom-<name>}). */
    public static final String HEADER_ENDPOINT_NAME = "sagemaker-endpoint-name";
    public static final String HEADER_CONTENT_TYPE = "sagemaker-content-type";
    public static final String HEADER_ACCEPT = "sagemaker-accept";
    public static final String HEADER_TARGET_MODEL = "sagemaker-target-model";
    public static final String HEADER_TARGET_VARIANT = "sagemaker-target-variant";
    public static final String HEADER_INFERENCE_COMPONENT = "sagemaker-inference-component";
    public static final String HEADER_CUSTOM_ATTRIBUTES = "sagemaker-custom-attributes";
    public static final String HEADER_MODE = "sagemaker-mode";
    public static final String HEADER_OUTPUT_PATH = "sagemaker-output-path";
    public static final String HEADER_FAILURE_PATH = "sagemaker-failure-path";
    public static final String HEADER_INVOCATION_TIMEOUT_SECONDS = "sagemaker-invocation-timeout-seconds";
    public static final String HEADER_REQUEST_TTL_SECONDS = "sagemaker-request-ttl-seconds";
    public static final String HEADER_ON_ROW_ERROR = "sagemaker-on-row-error";

    public FunctionSettings {
        arguments = List.copyOf(arguments);
        grantees = List.copyOf(grantees);
        contextHeaders = List.copyOf(contextHeaders);
    }

    /** The {@code HEADERS} entries, only those that are set, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_ENDPOINT_NAME, endpointName);
        headers.put(HEADER_CONTENT_TYPE, contentType);
        putIfSet(headers, HEADER_ACCEPT, accept);
        putIfSet(headers, HEADER_TARGET_MODEL, targetModel);
        putIfSet(headers, HEADER_TARGET_VARIANT, targetVariant);
        putIfSet(headers, HEADER_INFERENCE_COMPONENT, inferenceComponent);
        putIfSet(headers, HEADER_CUSTOM_ATTRIBUTES, customAttributes);
        // Only when set: a header added to an existing function re-creates it (the provider has no update for it).
        putIfSet(headers, HEADER_ON_ROW_ERROR, onRowError);
        if (async != null) {
            headers.put(HEADER_MODE, "async");
            headers.put(HEADER_OUTPUT_PATH, async.outputPath());
            putIfSet(headers, HEADER_FAILURE_PATH, async.failurePath());
            putIfSet(headers, HEADER_INVOCATION_TIMEOUT_SECONDS, async.invocationTimeoutSeconds() == null ? null
                    : async.invocationTimeoutSeconds().toString());
            putIfSet(headers, HEADER_REQUEST_TTL_SECONDS, async.requestTtlSeconds() == null ? null
                    : async.requestTtlSeconds().toString());
        }
        return headers;
    }

    public boolean isAsync() {
        return async != null;
    }

    /** Whether rows the model refuses are answered NULL. */
    public boolean nullOnRowError() {
        return "null".equals(onRowError);
    }

    private static void putIfSet(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
