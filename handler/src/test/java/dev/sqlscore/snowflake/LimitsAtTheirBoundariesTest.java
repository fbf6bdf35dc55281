package dev.sqlscore.snowflake;

import dev.sqlscore.errors.InvalidHeaderException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit at its exact allowed value (accepted) and one past it (refused, naming the limit). */
class LimitsAtTheirBoundariesTest {

    private static Map<String, String> asyncFunction(String header, String value) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", "summarizer");
        headers.put("sf-custom-sagemaker-mode", "async");
        headers.put("sf-custom-sagemaker-output-path", "s3://out/summaries");
        headers.put("sf-custom-" + header, value);
        return headers;
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource({
        "sagemaker-invocation-timeout-seconds, 1, true",
        "sagemaker-invocation-timeout-seconds, 3600, true",
        "sagemaker-invocation-timeout-seconds, 0, false",
        "sagemaker-invocation-timeout-seconds, 3601, false",
        "sagemaker-request-ttl-seconds, 60, true",
        "sagemaker-request-ttl-seconds, 21600, true",
        "sagemaker-request-ttl-seconds, 59, false",
        "sagemaker-request-ttl-seconds, 21601, false"})
    void asyncSecondsAtAndPastTheirLimits(String header, int value, boolean allowed) {
        var headers = HttpHeaders.ofSingle(asyncFunction(header, String.valueOf(value)));
        if (allowed) {
            var async = FunctionSettings.fromHeaders(headers, Optional.empty()).async();
            assertEquals(value, header.contains("timeout") ? async.invocationTimeoutSeconds()
                    : async.requestTtlSeconds());
        } else {
            var e = assertThrows(InvalidHeaderException.class, () -> FunctionSettings.fromHeaders(headers,
                    Optional.empty()));
            assertTrue(e.getMessage().contains(header), e.getMessage());
        }
    }

    /** The function's HEADERS: Snowflake's 8 KB of names and values in all, the handler's 32 K characters overall. */
    @ParameterizedTest(name = "custom {0} chars, all {1}: {2}")
    @CsvSource({
        "8192, 0, true",
        "8193, 0, false",
        "0, 32768, true",
        "0, 32769, false"})
    void headerSizesAtAndPastTheirLimits(int customChars, int allChars, boolean allowed) {
        Map<String, String> headers = new HashMap<>();
        if (customChars > 0) {
            String name = "sf-custom-x";
            headers.put(name, "v".repeat(customChars - "x".length()));
        }
        if (allChars > 0) {
            String name = "x-padding";
            headers.put(name, "p".repeat(allChars - name.length()));
        }
        HttpHeaders parsed = HttpHeaders.ofSingle(headers);
        if (allowed) {
            assertDoesNotThrow(() -> SnowflakeHeaders.requireWithinLimits(parsed));
        } else {
            var e = assertThrows(InvalidHeaderException.class, () -> SnowflakeHeaders.requireWithinLimits(parsed));
            assertTrue(e.getMessage().contains(String.valueOf(customChars > 0
                    ? SnowflakeHeaders.MAX_CUSTOM_HEADER_CHARS : SnowflakeHeaders.MAX_HEADER_CHARS)), e.getMessage());
        }
    }
}
