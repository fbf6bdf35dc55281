package dev.sqlscore.infra;

import com.pulumi.test.Mocks;
import dev.sqlscore.infra.config.InvalidConfigException;
import dev.sqlscore.infra.config.StackConfigReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code onRowError} from the configuration to the function's HEADERS, the dashboard and the alarms. */
class RowIsolationStackTest extends StackTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String FUNCTIONS = """
            [{"name": "CHURN", "endpoint": "churn-xgb", "onRowError": "null"},
             {"name": "STRICT", "endpoint": "strict-model", "onRowError": "fail"},
             {"name": "PLAIN", "endpoint": "plain-model"}]
            """;

    @Test
    void theSettingIsSentAsTheFunctionsHeaderOnlyWhereItIsSet() {
        var run = deploy(TestSettings.with(StackConfigReader.FUNCTIONS, FUNCTIONS));

        assertEquals("null", header(run, "sqlscore-churn").get("sagemaker-on-row-error"));
        assertEquals("fail", header(run, "sqlscore-strict").get("sagemaker-on-row-error"));
        assertFalse(header(run, "sqlscore-plain").containsKey("sagemaker-on-row-error"),
                "an unset value adds no header, so existing functions are not re-created");
    }

    @Test
    void onlyEndpointsWhoseFunctionsAnswerNullGetTheRefusedRowsAlarmOnAMetricTheHandlerEmits() {
        var run = deploy(TestSettings.with(StackConfigReader.FUNCTIONS, FUNCTIONS,
                StackConfigReader.REFUSED_ROWS_ALARM_THRESHOLD, "7"));

        List<Mocks.ResourceArgs> refused = run.cloud.ofType(ALARM).stream()
                .filter(alarm -> alarm.name.endsWith("-refused-rows")).toList();
        assertEquals(1, refused.size(), refused.stream().map(a -> a.name).toList().toString());
        Map<String, Object> alarm = refused.get(0).inputs;
        assertEquals("sqlscore-churn-xgb-refused-rows", refused.get(0).name);
        assertEquals(MetricNames.ROWS_REFUSED, alarm.get("metricName"));
        assertTrue(MetricNames.NAMES.contains((String) alarm.get("metricName")));
        assertEquals(Map.of("endpoint", "churn-xgb"), alarm.get("dimensions"));
        assertEquals(7.0, ((Number) alarm.get("threshold")).doubleValue());
        String dashboard = (String) run.inputs("aws:cloudwatch/dashboard:Dashboard", "sqlscore-dashboard")
                .get("dashboardBody");
        assertTrue(dashboard.contains("MetricName=\\\"rowsRefused\\\""), dashboard);
    }

    @Test
    void nullWithAnAsynchronousFunctionIsRefusedNamingTheKey() {
        var e = assertThrows(InvalidConfigException.class, () -> TestSettings.with(StackConfigReader.FUNCTIONS, """
                [{"name": "SUMMARIZE", "endpoint": "summarizer", "mode": "async",
                  "outputPath": "s3://out/summaries", "onRowError": "null"}]
                """));
        assertTrue(e.getMessage().contains("sqlscore:functions[0].onRowError: 'null' is for real-time functions only"),
                e.getMessage());
    }

    @Test
    void anUnknownValueIsRefusedAndABareYamlNullMeansNull() {
        var e = assertThrows(InvalidConfigException.class, () -> TestSettings.with(StackConfigReader.FUNCTIONS,
                "[{\"name\": \"F\", \"endpoint\": \"e\", \"onRowError\": \"skip\"}]"));
        assertTrue(e.getMessage().contains("sqlscore:functions[0].onRowError: 'skip' is not allowed; use one of "
                + "fail, null"), e.getMessage());

        var settings = TestSettings.with(StackConfigReader.FUNCTIONS,
                "[{\"name\": \"F\", \"endpoint\": \"e\", \"onRowError\": null}]");
        assertTrue(settings.functions().get(0).nullOnRowError());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> header(StackRun run, String resource) {
        List<Map<String, Object>> headers = (List<Map<String, Object>>) run.inputs(EXTERNAL_FUNCTION, resource)
                .get("headers");
        Map<String, String> byName = new LinkedHashMap<>();
        headers.forEach(header -> byName.put((String) header.get("name"), (String) header.get("value")));
        return byName;
    }
}
