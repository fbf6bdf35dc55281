package dev.sqlscore.snowflake;

import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.errors.Texts;
import dev.sqlscore.payload.PayloadFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one external function asks for, from its {@code HEADERS = ('sagemaker-...' = '...')} clause (arriving
 * as {@code sf-custom-sagemaker-...} headers). Optional settings are null when absent.
 *
 * @param endpointName       the SageMaker endpoint to call
 * @param format             how rows are encoded, from {@code contentType}
 * @param contentType        the Content-Type sent to the model, as written in the function (parameters kept)
 * @param accept             the Accept sent to the model; the content type unless set
 * @param targetModel        multi-model endpoint target, or null
 * @param targetVariant      production variant, or null
 * @param inferenceComponent inference component, or null
 * @param customAttributes   custom attributes for the container, or null
 * @param async              for an asynchronous function, how its batches go to the async endpoint; null for a
 *                           real-time one
 * @param nullOnRowError     {@code sagemaker-on-row-error = null}: rows the model refuses on their own are answered
 *                           NULL instead of failing the batch
 */
public record FunctionSettings(
        String endpointName,
        PayloadFormat format,
        String contentType,
        String accept,
        String targetModel,
        String targetVariant,
        String inferenceComponent,
        String customAttributes,
        AsyncOptions async,
        boolean nullOnRowError) {

    public static final String ENDPOINT_NAME = "sagemaker-endpoint-name";
    public static final String CONTENT_TYPE = "sagemaker-content-type";
    public static final String ACCEPT = "sagemaker-accept";
    public static final String TARGET_MODEL = "sagemaker-target-model";
    public static final String TARGET_VARIANT = "sagemaker-target-variant";
    public static final String INFERENCE_COMPONENT = "sagemaker-inference-component";
    public static final String CUSTOM_ATTRIBUTES = "sagemaker-custom-attributes";
    /** {@code sync} (the default) or {@code async}: SageMaker Asynchronous Inference. */
    public static final String MODE = "sagemaker-mode";
    public static final String OUTPUT_PATH = "sagemaker-output-path";
    public static final String FAILURE_PATH = "sagemaker-failure-path";
    public static final String INVOCATION_TIMEOUT_SECONDS = "sagemaker-invocation-timeout-seconds";
    public static final String REQUEST_TTL_SECONDS = "sagemaker-request-ttl-seconds";
    /** {@code fail} (the default: a refused row fails the batch) or {@code null} (it is answered NULL). */
    public static final String ON_ROW_ERROR = "sagemaker-on-row-error";
    /** Every setting a function may send, in the order the docs list them. */
    public static final List<String> KNOWN = List.of(ENDPOINT_NAME, CONTENT_TYPE, ACCEPT, TARGET_MODEL,
            TARGET_VARIANT, INFERENCE_COMPONENT, CUSTOM_ATTRIBUTES, MODE, OUTPUT_PATH, FAILURE_PATH,
            INVOCATION_TIMEOUT_SECONDS, REQUEST_TTL_SECONDS, ON_ROW_ERROR);
    /** Only these go with an async call; the others are the real-time endpoint's. */
    private static final List<String> ASYNC_ONLY = List.of(OUTPUT_PATH, FAILURE_PATH, INVOCATION_TIMEOUT_SECONDS,
            REQUEST_TTL_SECONDS);
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\\s]*)?");
    public static final String DEFAULT_CONTENT_TYPE = PayloadFormat.CSV.mediaType();

    /** SageMaker's own rule for endpoint names. */
    private static final Pattern ENDPOINT_NAME_RULE = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");
    private static final String SETTING_PREFIX = SnowflakeHeaders.CUSTOM_PREFIX + "sagemaker-";

    public FunctionSettings {
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accept, "accept");
    }

    /**
     * Reads and checks the function's settings.
     *
     * @param defaultEndpoint the deployment's endpoint for functions that name none
     * @throws InvalidHeaderException naming the header that is unknown, missing or malformed
     */
    public static FunctionSettings fromHeaders(HttpHeaders headers, Optional<String> defaultEndpoint) {
        rejectUnknown(headers);
        String endpointName = setting(headers, ENDPOINT_NAME).or(() -> defaultEndpoint).orElseThrow(
                () -> new InvalidHeaderException("No SageMaker endpoint named: add HEADERS = ('" + ENDPOINT_NAME
                        + "' = '<endpoint name>') to the external function, or set the deployment's default "
                        + "endpoint (SQLSCORE_DEFAULT_ENDPOINT)"));
        if (!ENDPOINT_NAME_RULE.matcher(endpointName).matches()) {
            throw new InvalidHeaderException("'" + Texts.clip(endpointName) + "' (" + ENDPOINT_NAME + ") is not a "
                    + "valid SageMaker endpoint name: 1 to 63 letters, digits and hyphens, starting and ending "
                    + "with a letter or digit");
        }
        String contentType = setting(headers, CONTENT_TYPE).orElse(DEFAULT_CONTENT_TYPE);
        PayloadFormat format = PayloadFormat.forContentType(contentType).orElseThrow(
                () -> new InvalidHeaderException(CONTENT_TYPE + " '" + Texts.clip(contentType) + "' is not "
                        + "supported; use " + PayloadFormat.supportedTypes()));
        AsyncOptions async = async(headers);
        boolean nullOnRowError = nullOnRowError(headers);
        if (nullOnRowError && async != null) {
            throw new InvalidHeaderException(ON_ROW_ERROR + " 'null' is for real-time functions only: an asynchronous "
                    + "function's batch is answered from S3, where its rows cannot be isolated; remove it or the "
                    + "function's '" + MODE + "' = 'async'");
        }
        return new FunctionSettings(endpointName, format, contentType, setting(headers, ACCEPT).orElse(contentType),
                setting(headers, TARGET_MODEL).orElse(null), setting(headers, TARGET_VARIANT).orElse(null),
                setting(headers, INFERENCE_COMPONENT).orElse(null), setting(headers, CUSTOM_ATTRIBUTES).orElse(null),
                async, nullOnRowError);
    }

    private static boolean nullOnRowError(HttpHeaders headers) {
        String value = setting(headers, ON_ROW_ERROR).orElse("fail");
        if (value.equalsIgnoreCase("fail")) {
            return false;
        }
        if (value.equalsIgnoreCase("null")) {
            return true;
        }
        throw new InvalidHeaderException(ON_ROW_ERROR + " '" + Texts.clip(value) + "' is not supported; use 'fail' "
                + "(a row the model refuses fails the query) or 'null' (it is answered NULL)");
    }

    /** Null for a real-time function; the async options, checked, for {@code sagemaker-mode = async}. */
    private static AsyncOptions async(HttpHeaders headers) {
        String mode = setting(headers, MODE).orElse("sync");
        if (mode.equalsIgnoreCase("sync")) {
            for (String asyncOnly : ASYNC_ONLY) {
                if (setting(headers, asyncOnly).isPresent()) {
                    throw new InvalidHeaderException(asyncOnly + " is only for asynchronous functions: add '" + MODE
                            + "' = 'async' to the function's HEADERS, or remove it");
                }
            }
            return null;
        }
        if (!mode.equalsIgnoreCase("async")) {
            throw new InvalidHeaderException(MODE + " '" + Texts.clip(mode) + "' is not supported; use sync or async");
        }
        String output = setting(headers, OUTPUT_PATH).orElseThrow(() -> new InvalidHeaderException("An asynchronous "
                + "function needs " + OUTPUT_PATH + ": the endpoint's S3OutputPath (s3://bucket/prefix)"));
        String failure = setting(headers, FAILURE_PATH).orElse(null);
        for (String[] path : List.of(new String[] {OUTPUT_PATH, output}, new String[] {FAILURE_PATH, failure})) {
            if (path[1] != null && !S3_URI.matcher(path[1]).matches()) {
                throw new InvalidHeaderException(path[0] + " '" + Texts.clip(path[1]) + "' is not an s3:// URI of a "
                        + "bucket and prefix, e.g. s3://my-bucket/async-output");
            }
        }
        return new AsyncOptions(output, failure, seconds(headers, INVOCATION_TIMEOUT_SECONDS, 1, 3600),
                seconds(headers, REQUEST_TTL_SECONDS, 60, 21_600));
    }

    private static Integer seconds(HttpHeaders headers, String name, int min, int max) {
        Optional<String> raw = setting(headers, name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidHeaderException(name + " '" + Texts.clip(raw.get()) + "' must be a whole number of seconds "
                + "from " + min + " to " + max);
    }

    /** A typo in a setting's name would otherwise be silently ignored and the default used. */
    private static void rejectUnknown(HttpHeaders headers) {
        List<String> unknown = new ArrayList<>();
        for (String name : headers.names()) {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.startsWith(SETTING_PREFIX)) {
                String setting = lowerCase.substring(SnowflakeHeaders.CUSTOM_PREFIX.length());
                if (!KNOWN.contains(setting)) {
                    unknown.add(setting);
                }
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new InvalidHeaderException("Unknown function header" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(s -> "'" + Texts.clip(s) + "'").toList())
                    + " (sent as " + SnowflakeHeaders.CUSTOM_PREFIX + "*); fix the external function's HEADERS clause."
                    + " Known headers: " + String.join(", ", KNOWN));
        }
    }

    /** A setting's value, blank treated as absent. */
    private static Optional<String> setting(HttpHeaders headers, String name) {
        return headers.first(SnowflakeHeaders.CUSTOM_PREFIX + name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Names and media types only: custom attributes may carry anything. */
    @Override
    public String toString() {
        return "FunctionSettings[endpointName=" + endpointName + ", contentType=" + contentType + ", accept=" + accept
                + (async == null ? "" : ", async") + "]";
    }
}
