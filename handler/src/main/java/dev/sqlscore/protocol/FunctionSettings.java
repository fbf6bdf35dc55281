package dev.sqlscore.protocol;

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
 */
public record FunctionSettings(
        String endpointName,
        PayloadFormat format,
        String contentType,
        String accept,
        String targetModel,
        String targetVariant,
        String inferenceComponent,
        String customAttributes) {

    public static final String ENDPOINT_NAME = "sagemaker-endpoint-name";
    public static final String CONTENT_TYPE = "sagemaker-content-type";
    public static final String ACCEPT = "sagemaker-accept";
    public static final String TARGET_MODEL = "sagemaker-target-model";
    public static final String TARGET_VARIANT = "sagemaker-target-variant";
    public static final String INFERENCE_COMPONENT = "sagemaker-inference-component";
    public static final String CUSTOM_ATTRIBUTES = "sagemaker-custom-attributes";
    /** Every setting a function may send, in the order the docs list them. */
    public static final List<String> KNOWN = List.of(ENDPOINT_NAME, CONTENT_TYPE, ACCEPT, TARGET_MODEL,
            TARGET_VARIANT, INFERENCE_COMPONENT, CUSTOM_ATTRIBUTES);
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
        return new FunctionSettings(endpointName, format, contentType, setting(headers, ACCEPT).orElse(contentType),
                setting(headers, TARGET_MODEL).orElse(null), setting(headers, TARGET_VARIANT).orElse(null),
                setting(headers, INFERENCE_COMPONENT).orElse(null), setting(headers, CUSTOM_ATTRIBUTES).orElse(null));
    }

    /** A typo in a setting's name would otherwise be silently ignored and the default used. */
    private static void rejectUnknown(HttpHeaders headers) {
        List<String> unknown = headers.asMap().keySet().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith(SETTING_PREFIX))
                .map(name -> name.substring(SnowflakeHeaders.CUSTOM_PREFIX.length()))
                .filter(setting -> !KNOWN.contains(setting))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
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
                + "]";
    }
}
