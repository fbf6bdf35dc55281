package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.InvalidHeaderException;
import dev.sqlscore.payload.PayloadFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    private static FunctionSettings settings(Map<String, String> headers, Optional<String> defaultEndpoint) {
        return FunctionSettings.fromHeaders(HttpHeaders.ofSingle(headers), defaultEndpoint);
    }

    private static FunctionSettings settings(Map<String, String> headers) {
        return settings(headers, Optional.empty());
    }

    private static String rejected(Map<String, String> headers) {
        InvalidHeaderException e = assertThrows(InvalidHeaderException.class, () -> settings(headers));
        assertEquals(400, e.httpStatus());
        assertEquals("INVALID_HEADER", e.errorCode());
        return e.getMessage();
    }

    private static Map<String, String> endpoint(String name) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", name);
        return headers;
    }

    @Test
    void defaultsToCsvBothWays() {
        FunctionSettings settings = settings(endpoint("churn-model"));
        assertEquals("churn-model", settings.endpointName());
        assertEquals(PayloadFormat.CSV, settings.format());
        assertEquals("text/csv", settings.contentType());
        assertEquals("text/csv", settings.accept());
        assertNull(settings.targetModel());
        assertNull(settings.targetVariant());
        assertNull(settings.inferenceComponent());
        assertNull(settings.customAttributes());
    }

    @Test
    void readsEverySettingWhateverTheCaseOfItsName() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("SF-CUSTOM-SAGEMAKER-CONTENT-TYPE", "Application/JSON; charset=utf-8");
        headers.put("Sf-Custom-Sagemaker-Accept", "application/jsonlines");
        headers.put("sf-custom-sagemaker-target-model", "m1.tar.gz");
        headers.put("sf-custom-sagemaker-target-variant", "blue");
        headers.put("sf-custom-sagemaker-inference-component", "ic-7");
        headers.put("sf-custom-sagemaker-custom-attributes", "a=b");
        FunctionSettings settings = settings(headers);
        assertEquals(PayloadFormat.JSON, settings.format());
        assertEquals("Application/JSON; charset=utf-8", settings.contentType(), "sent to the model as written");
        assertEquals("application/jsonlines", settings.accept());
        assertEquals("m1.tar.gz", settings.targetModel());
        assertEquals("blue", settings.targetVariant());
        assertEquals("ic-7", settings.inferenceComponent());
        assertEquals("a=b", settings.customAttributes());
    }

    @Test
    void acceptDefaultsToTheContentType() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-content-type", "application/jsonlines");
        FunctionSettings settings = settings(headers);
        assertEquals(PayloadFormat.JSON_LINES, settings.format());
        assertEquals("application/jsonlines", settings.accept());
    }

    @Test
    void blankSettingsCountAsAbsent() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-content-type", "  ");
        headers.put("sf-custom-sagemaker-target-model", "");
        FunctionSettings settings = settings(headers);
        assertEquals("text/csv", settings.contentType());
        assertNull(settings.targetModel());
    }

    @Test
    void anUnsupportedContentTypeNamesTheHeaderAndTheChoices() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-content-type", "application/x-recordio-protobuf");
        String message = rejected(headers);
        assertTrue(message.contains("sagemaker-content-type"), message);
        assertTrue(message.contains("text/csv, application/json or application/jsonlines"), message);
    }

    @Test
    void anUnknownSageMakerSettingIsATypoAndNamesTheKnownOnes() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-endpoint", "churn-model");
        headers.put("sf-custom-sagemaker-acept", "text/csv");
        String message = rejected(headers);
        assertTrue(message.contains("'sagemaker-acept', 'sagemaker-endpoint'"), message);
        assertTrue(message.contains(String.join(", ", FunctionSettings.KNOWN)), message);
    }

    @Test
    void unknownSettingsAreNamedInAlphabeticalOrderWhateverOrderTheyCameIn() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("SF-CUSTOM-SAGEMAKER-ZONE", "a");
        headers.put("sf-custom-sagemaker-modle", "async");
        headers.put("sf-custom-sagemaker-endpoint-name", "churn-model");
        headers.put("sf-custom-sagemaker-acept", "text/csv");
        String message = rejected(headers);
        assertTrue(message.startsWith("Unknown function headers 'sagemaker-acept', 'sagemaker-modle', 'sagemaker-zone' "
                + "(sent as"), message);
    }

    @Test
    void oneUnknownSettingIsNamedInTheSingular() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-acept", "text/csv");
        String message = rejected(headers);
        assertTrue(message.startsWith("Unknown function header 'sagemaker-acept' (sent as sf-custom-*)"), message);
        headers.put("sf-custom-sagemaker-modle", "async");
        message = rejected(headers);
        assertTrue(message.startsWith("Unknown function headers 'sagemaker-acept', 'sagemaker-modle' (sent as"),
                message);
    }

    @Test
    void otherCustomHeadersAreNotOurs() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-team", "risk");
        headers.put("sf-context-current-role", "ANALYST");
        assertEquals("churn-model", settings(headers).endpointName());
    }

    @Test
    void theEndpointComesFromTheFunctionOrTheDeploymentDefault() {
        assertEquals("fallback", settings(Map.of(), Optional.of("fallback")).endpointName());
        assertEquals("chosen", settings(endpoint("chosen"), Optional.of("fallback")).endpointName());
        String message = rejected(Map.of());
        assertTrue(message.contains("HEADERS = ('sagemaker-endpoint-name' = '<endpoint name>')"), message);
        assertTrue(message.contains("SQLSCORE_DEFAULT_ENDPOINT"), message);
    }

    @Test
    void endpointNamesFollowSageMakersRule() {
        for (String valid : new String[] {"a", "churn-model-2", "a--b", "A".repeat(63)}) {
            assertEquals(valid, settings(endpoint(valid)).endpointName());
        }
        for (String invalid : new String[] {"churn_model", "-churn", "churn-", "a".repeat(64), "churn model",
                "arn:aws:sagemaker:eu-west-1:1:endpoint/x"}) {
            String message = rejected(endpoint(invalid));
            assertTrue(message.contains("not a valid SageMaker endpoint name"), message);
            assertTrue(message.contains("sagemaker-endpoint-name"), message);
        }
    }

    @Test
    void toStringLeavesCustomAttributesOut() {
        Map<String, String> headers = endpoint("churn-model");
        headers.put("sf-custom-sagemaker-custom-attributes", "token=SECRET");
        assertTrue(!settings(headers).toString().contains("SECRET"));
    }

    private static Map<String, String> async(String... settings) {
        Map<String, String> headers = endpoint("summarizer");
        headers.put("sf-custom-sagemaker-mode", "async");
        for (int i = 0; i < settings.length; i += 2) {
            headers.put("sf-custom-sagemaker-" + settings[i], settings[i + 1]);
        }
        return headers;
    }

    @Test
    void anAsyncFunctionCarriesTheEndpointsOutputConfiguration() {
        FunctionSettings settings = settings(async("output-path", "s3://models-out/summarizer",
                "failure-path", "s3://models-out/summarizer-errors", "invocation-timeout-seconds", "900",
                "request-ttl-seconds", "3600"));
        assertEquals(new AsyncOptions("s3://models-out/summarizer", "s3://models-out/summarizer-errors", 900, 3600),
                settings.async());
        assertNull(settings(endpoint("churn")).async());
        assertEquals(new AsyncOptions("s3://b-1/p", null, null, null),
                settings(async("output-path", "s3://b-1/p")).async());
    }

    @Test
    void asyncSettingsAreCheckedAndEachRefusalNamesTheHeader() {
        assertTrue(rejected(async()).contains("needs sagemaker-output-path"), rejected(async()));
        String notS3 = rejected(async("output-path", "https://bucket/x"));
        assertTrue(notS3.contains("sagemaker-output-path") && notS3.contains("s3://"), notS3);
        String badFailure = rejected(async("output-path", "s3://bucket/x", "failure-path", "s3://B/x"));
        assertTrue(badFailure.contains("sagemaker-failure-path"), badFailure);
        for (String[] outOfRange : new String[][] {{"invocation-timeout-seconds", "0"},
                {"invocation-timeout-seconds", "3601"}, {"request-ttl-seconds", "59"},
                {"request-ttl-seconds", "21601"}, {"request-ttl-seconds", "1h"}}) {
            String message = rejected(async("output-path", "s3://bucket/x", outOfRange[0], outOfRange[1]));
            assertTrue(message.contains("sagemaker-" + outOfRange[0]) && message.contains("whole number of seconds"),
                    message);
        }
        String mode = rejected(Map.of("sf-custom-sagemaker-endpoint-name", "e", "sf-custom-sagemaker-mode", "batch"));
        assertTrue(mode.contains("sagemaker-mode 'batch'") && mode.contains("sync or async"), mode);
        Map<String, String> syncWithOutput = endpoint("churn");
        syncWithOutput.put("sf-custom-sagemaker-output-path", "s3://bucket/x");
        String strayAsync = rejected(syncWithOutput);
        assertTrue(strayAsync.contains("only for asynchronous functions") && strayAsync.contains("'async'"),
                strayAsync);
    }
}
