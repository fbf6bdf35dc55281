package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.async.S3Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deployment's settings as the stack passes them: {@code SQLSCORE_*} environment variables. */
class ScoringConfigTest {

    private static String rejected(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> ScoringConfig.fromEnvironment(env)).getMessage();
    }

    @Test
    void everyVariableIsRead() {
        ScoringConfig config = ScoringConfig.fromEnvironment(Map.of(
                "SQLSCORE_ALLOWED_ENDPOINTS", " churn-model , ,fraud-model,",
                "SQLSCORE_DEFAULT_ENDPOINT", " churn-model ",
                "SQLSCORE_MAX_REQUEST_BYTES", "2000000",
                "SQLSCORE_MAX_ROWS_PER_REQUEST", "500",
                "SQLSCORE_MAX_CONCURRENT_REQUESTS", "16",
                "SQLSCORE_DEADLINE_MILLIS", "9000",
                "SQLSCORE_METRICS_NAMESPACE", "sqlscore/prod",
                "SQLSCORE_ASYNC_STATE_PATH", "s3://state-bucket/sqlscore/state"));
        assertEquals(Set.of("churn-model", "fraud-model"), config.allowedEndpoints());
        assertEquals(Optional.of("churn-model"), config.defaultEndpoint());
        assertEquals(2_000_000, config.maxRequestBytes());
        assertEquals(500, config.maxRowsPerRequest());
        assertEquals(16, config.maxConcurrentRequests());
        assertEquals(Duration.ofMillis(9_000), config.deadline());
        assertEquals("sqlscore/prod", config.metricsNamespace());
        assertEquals(new S3Location("state-bucket", "sqlscore/state"), config.asyncStatePath());
        assertTrue(config.allows("fraud-model"));
        assertFalse(config.allows("other-model"));
    }

    @Test
    void unsetAndBlankVariablesKeepTheDefaults() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of(
                "SQLSCORE_ALLOWED_ENDPOINTS", " ", "SQLSCORE_DEFAULT_ENDPOINT", "", "SQLSCORE_MAX_REQUEST_BYTES", " ",
                "SQLSCORE_MAX_ROWS_PER_REQUEST", "", "SQLSCORE_MAX_CONCURRENT_REQUESTS", "\t",
                "SQLSCORE_DEADLINE_MILLIS", "", "SQLSCORE_METRICS_NAMESPACE", " ", "SQLSCORE_ASYNC_STATE_PATH", ""))) {
            ScoringConfig config = ScoringConfig.fromEnvironment(env);
            assertEquals(ScoringConfig.defaults().toString(), config.toString(), env.toString());
            assertTrue(config.allowedEndpoints().isEmpty());
            assertTrue(config.allows("any-endpoint"), "no allow-list: local runs");
            assertEquals(ScoringConfig.DEFAULT_MAX_REQUEST_BYTES, config.maxRequestBytes());
            assertEquals(0, config.maxRowsPerRequest());
            assertEquals(ScoringConfig.DEFAULT_MAX_CONCURRENT_REQUESTS, config.maxConcurrentRequests());
            assertEquals(ScoringConfig.DEFAULT_DEADLINE, config.deadline());
            assertEquals("sqlscore", config.metricsNamespace());
            assertNull(config.asyncStatePath());
        }
    }

    @Test
    void badValuesNameTheVariableAndWhatItTakes() {
        assertEquals("SQLSCORE_MAX_ROWS_PER_REQUEST must be a whole number, got 'many'",
                rejected(Map.of("SQLSCORE_MAX_ROWS_PER_REQUEST", "many")));
        assertEquals("SQLSCORE_DEADLINE_MILLIS must be a whole number, got '2.5'",
                rejected(Map.of("SQLSCORE_DEADLINE_MILLIS", "2.5")));
        assertEquals("SQLSCORE_DEADLINE_MILLIS must be positive, got 0",
                rejected(Map.of("SQLSCORE_DEADLINE_MILLIS", "0")));
        assertEquals("SQLSCORE_MAX_CONCURRENT_REQUESTS must be between 1 and 64, got 65",
                rejected(Map.of("SQLSCORE_MAX_CONCURRENT_REQUESTS", "65")));
        assertEquals("SQLSCORE_MAX_REQUEST_BYTES must be between 1024 and 6291456, got 1023",
                rejected(Map.of("SQLSCORE_MAX_REQUEST_BYTES", "1023")));
        assertEquals("SQLSCORE_ASYNC_STATE_PATH must be an s3:// URI of a bucket and prefix, got 'state-bucket/x'",
                rejected(Map.of("SQLSCORE_ASYNC_STATE_PATH", "state-bucket/x")));
        assertEquals("SQLSCORE_ASYNC_STATE_PATH must be an s3:// URI of a bucket and prefix, got 's3:///state'",
                rejected(Map.of("SQLSCORE_ASYNC_STATE_PATH", "s3:///state")));
        assertTrue(rejected(Map.of("SQLSCORE_METRICS_NAMESPACE", "AWS/Lambda"))
                .startsWith("SQLSCORE_METRICS_NAMESPACE must be a CloudWatch namespace"));
        assertEquals("SQLSCORE_DEFAULT_ENDPOINT 'churn-model' is not in SQLSCORE_ALLOWED_ENDPOINTS; add it there or "
                + "pick one of [fraud-model]", rejected(Map.of("SQLSCORE_ALLOWED_ENDPOINTS", "fraud-model",
                "SQLSCORE_DEFAULT_ENDPOINT", "churn-model")));
    }

    @Test
    void limitsAreAllowedAtTheirEnds() {
        ScoringConfig low = ScoringConfig.fromEnvironment(Map.of("SQLSCORE_MAX_REQUEST_BYTES", "1024",
                "SQLSCORE_MAX_CONCURRENT_REQUESTS", "1", "SQLSCORE_DEADLINE_MILLIS", "1"));
        assertEquals(1_024, low.maxRequestBytes());
        assertEquals(1, low.maxConcurrentRequests());
        ScoringConfig high = ScoringConfig.fromEnvironment(Map.of("SQLSCORE_MAX_REQUEST_BYTES", "6291456",
                "SQLSCORE_MAX_CONCURRENT_REQUESTS", "64"));
        assertEquals(ScoringConfig.MAX_REQUEST_BYTES_LIMIT, high.maxRequestBytes());
        assertEquals(ScoringConfig.MAX_CONCURRENT_REQUESTS_LIMIT, high.maxConcurrentRequests());
    }

    /** Tests and tools derive configurations from a deployment's: nothing of it may be lost on the way. */
    @Test
    void aCopyKeepsEverySetting() {
        ScoringConfig config = ScoringConfig.fromEnvironment(Map.of("SQLSCORE_ALLOWED_ENDPOINTS", "churn-model",
                "SQLSCORE_DEFAULT_ENDPOINT", "churn-model", "SQLSCORE_MAX_REQUEST_BYTES", "2000000",
                "SQLSCORE_MAX_ROWS_PER_REQUEST", "500", "SQLSCORE_MAX_CONCURRENT_REQUESTS", "16",
                "SQLSCORE_DEADLINE_MILLIS", "9000", "SQLSCORE_METRICS_NAMESPACE", "sqlscore/prod",
                "SQLSCORE_ASYNC_STATE_PATH", "s3://state-bucket/state"));
        ScoringConfig copy = config.toBuilder().build();
        assertEquals(config.toString(), copy.toString());
        assertEquals(config.allowedEndpoints(), copy.allowedEndpoints());
        assertEquals("sqlscore/prod", copy.metricsNamespace());
        assertEquals(config.asyncStatePath(), copy.asyncStatePath());
        assertEquals(Duration.ofSeconds(9), copy.deadline());
    }
}
