package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard and the alarms watch the stack's own resources, through the metrics the handler emits. */
class MonitoringTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String NAMESPACE = "sqlscore/dev";

    @Test
    void theDashboardIsValidJsonOverThisStacksResourcesAndTheHandlersMetrics() throws IOException {
        var run = deploy();

        Map<String, Object> dashboard = run.inputs(DASHBOARD, "sqlscore-dashboard");
        assertEquals("sqlscore-dev", dashboard.get("dashboardName"));
        JsonNode body = JSON.readTree((String) dashboard.get("dashboardBody"));
        JsonNode widgets = body.get("widgets");
        assertEquals(7, widgets.size(), "six, and the rows answered NULL");
        Set<String> referenced = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode widget : widgets) {
            JsonNode properties = widget.get("properties");
            titles.add(properties.get("title").asText());
            assertEquals(FakeCloud.REGION, properties.get("region").asText());
            for (JsonNode metric : properties.get("metrics")) {
                if (metric.get(0).isTextual() && metric.get(0).asText().equals(NAMESPACE)) {
                    referenced.add(metric.get(1).asText());
                    assertEquals(MetricNames.DIMENSION_ENDPOINT, metric.get(2).asText());
                    assertTrue(run.component != null && List.of("Churn-XGBoost", "sentiment-llm")
                            .contains(metric.get(3).asText()), metric.toString());
                } else if (metric.get(0).isTextual()) {
                    String target = metric.get(3).asText();
                    assertTrue(target.equals("sqlscore-handler" + FakeCloud.AUTONAME_SUFFIX)
                                    || target.equals("sqlscore-dev"),
                            "the stack's own Lambda or API: " + metric);
                } else {
                    String expression = metric.get(0).get("expression").asText();
                    if (expression.startsWith("SEARCH")) {
                        assertTrue(expression.contains("{" + NAMESPACE + ","), expression);
                        referenced.add(expression.replaceAll(".*MetricName=\"(\\w+)\".*", "$1"));
                    }
                }
            }
        }
        assertTrue(MetricNames.NAMES.containsAll(referenced), referenced + " not all emitted by the handler");
        assertTrue(referenced.containsAll(List.of(MetricNames.ROWS, MetricNames.ERRORS, MetricNames.BATCHES,
                MetricNames.MODEL_MS, MetricNames.THROTTLES, MetricNames.ROWS_REFUSED)), referenced.toString());
        assertTrue(titles.contains("Lambda: concurrency (left), duration p99 in ms (right)"), titles.toString());
        assertEquals("https://" + FakeCloud.REGION + ".console.aws.amazon.com/cloudwatch/home?region="
                + FakeCloud.REGION + "#dashboards:name=sqlscore-dev", PulumiTest.extractValue(
                run.component.dashboardUrl()));
    }

    @Test
    void alarmsWatchEachEndpointAndTheLambdaAndNotifyTheTopic() {
        String topic = "arn:aws:sns:eu-west-1:123456789012:ml-alerts";
        var run = deploy(TestSettings.with(StackConfigReader.ALARM_TOPIC_ARN, topic));

        List<Mocks.ResourceArgs> alarms = run.cloud.ofType(ALARM);
        assertEquals(2 * 3 + 1, alarms.size(), "three per endpoint and one on the Lambda");
        List<String> metrics = new ArrayList<>();
        for (Mocks.ResourceArgs alarm : alarms) {
            assertEquals(List.of(topic), alarm.inputs.get("alarmActions"), alarm.name);
            assertEquals(List.of(topic), alarm.inputs.get("okActions"), alarm.name);
            assertEquals("notBreaching", alarm.inputs.get("treatMissingData"), alarm.name);
            if (alarm.inputs.get("metricQueries") instanceof List<?> queries) {
                for (Object query : queries) {
                    if (((Map<?, ?>) query).get("metric") instanceof Map<?, ?> metric) {
                        assertEquals(NAMESPACE, metric.get("namespace"));
                        metrics.add((String) metric.get("metricName"));
                    }
                }
            } else if (NAMESPACE.equals(alarm.inputs.get("namespace"))) {
                metrics.add((String) alarm.inputs.get("metricName"));
                assertTrue(List.of(Map.of("endpoint", "Churn-XGBoost"), Map.of("endpoint", "sentiment-llm"))
                        .contains(alarm.inputs.get("dimensions")), alarm.name);
            } else {
                assertEquals("AWS/Lambda", alarm.inputs.get("namespace"));
                assertEquals(Map.of("FunctionName", "sqlscore-handler" + FakeCloud.AUTONAME_SUFFIX),
                        alarm.inputs.get("dimensions"));
            }
        }
        assertTrue(MetricNames.NAMES.containsAll(metrics), metrics + " not all emitted by the handler");
        Map<String, Object> latency = run.inputs(ALARM, "sqlscore-churn-xgboost-batch-time");
        assertEquals("p99", latency.get("extendedStatistic"));
        assertEquals(0.8 * 25_000, (Double) latency.get("threshold"), 1e-9);
    }

    @Test
    void alarmsCanBeTurnedOffAndTheDashboardStays() {
        var run = deploy(TestSettings.with(StackConfigReader.ALARMS, "false"));

        assertTrue(run.cloud.ofType(ALARM).isEmpty());
        assertEquals(1, run.cloud.ofType(DASHBOARD).size());
    }

    @Test
    void reservedConcurrencyAndTracingReachTheLambdaAndTheStage() {
        var plain = deploy();
        Map<String, Object> function = plain.inputs(LAMBDA, "sqlscore-handler");
        assertFalse(function.containsKey("reservedConcurrentExecutions"), "unreserved by default");
        assertFalse(function.containsKey("tracingConfig"));
        assertEquals(false, plain.inputs(STAGE, "sqlscore-stage").get("xrayTracingEnabled"));
        PulumiTest.cleanup();

        var run = deploy(TestSettings.with(StackConfigReader.RESERVED_CONCURRENCY, "40", StackConfigReader.TRACING,
                "true"));

        function = run.inputs(LAMBDA, "sqlscore-handler");
        assertEquals(40.0, function.get("reservedConcurrentExecutions"));
        assertEquals(Map.of("mode", "Active"), function.get("tracingConfig"));
        assertEquals(true, run.inputs(STAGE, "sqlscore-stage").get("xrayTracingEnabled"));
        assertTrue(run.cloud.ofType(ROLE_POLICY).stream().anyMatch(p -> p.name.equals("sqlscore-lambda-xray")));
    }
}
