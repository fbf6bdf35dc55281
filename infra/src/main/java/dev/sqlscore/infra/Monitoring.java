package dev.sqlscore.infra;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.Functions;
import dev.sqlscore.infra.config.MonitoringSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a team watches: one CloudWatch dashboard per stack (rows per second by function; error rate, model latency
 * p50/p99 and throttles by endpoint; the Lambda's concurrency and duration; API Gateway's 4xx, 5xx and latency), and,
 * unless turned off, alarms per endpoint on the handler's own metrics and one on Lambda errors, notifying the
 * configured SNS topic. Metrics are addressed by {@link MetricNames}, the handler's names.
 *
 * @param dashboardUrl the console address of the dashboard
 */
record Monitoring(Dashboard dashboard, List<MetricAlarm> alarms, Output<String> dashboardUrl) {

    static final int PERIOD_SECONDS = 300;
    static final double ERROR_RATE_PERCENT = 5;
    /** Alarm when p99 batch time passes this share of the deadline: the batches that come next may not finish. */
    static final double LATENCY_SHARE_OF_DEADLINE = 0.8;

    /**
     * @param functions      the functions: their endpoints, and which of them answer refused rows NULL
     * @param deadlineMillis the handler's deadline per batch, which the latency alarm watches
     */
    static Monitoring create(String name, String stackName, Functions functions, MonitoringSettings monitoring,
                             int deadlineMillis, ScoringLambda lambda, AwsContext aws, Resource parent) {
        Set<String> endpointNames = functions.endpointNames();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        String namespace = ScoringLambda.metricsNamespace(name, stackName);
        String dashboardName = (name + "-" + stackName).replaceAll("[^A-Za-z0-9_-]", "-");
        var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(dashboardName)
                .dashboardBody(Output.tuple(aws.region(), lambda.function().name()).applyValue(t ->
                        DashboardBody.json(t.t1, namespace, List.copyOf(endpointNames), t.t2,
                                ScoringApi.apiName(name, stackName), ScoringApi.STAGE_NAME)))
                .build(), child);
        List<MetricAlarm> alarms = monitoring.alarms()
                ? alarms(name, namespace, functions, monitoring, deadlineMillis, lambda, child) : List.of();
        Output<String> url = Output.tuple(aws.partition(), aws.region()).applyValue(t ->
                consoleHost(t.t1, t.t2) + "/cloudwatch/home?region=" + t.t2 + "#dashboards:name=" + dashboardName);
        return new Monitoring(dashboard, alarms, url);
    }

    private static String consoleHost(String partition, String region) {
        return switch (partition) {
            case "aws-cn" -> "https://console.amazonaws.cn";
            case "aws-us-gov" -> "https://console.amazonaws-us-gov.com";
            default -> "https://" + region + ".console.aws.amazon.com";
        };
    }

    private static List<MetricAlarm> alarms(String name, String namespace, Functions functions,
                                            MonitoringSettings monitoring, int deadlineMillis, ScoringLambda lambda,
                                            CustomResourceOptions child) {
        List<MetricAlarm> alarms = new ArrayList<>();
        for (String endpoint : functions.endpointNames()) {
            String id = name + "-" + endpoint.toLowerCase(Locale.ROOT);
            Map<String, String> byEndpoint = Map.of(MetricNames.DIMENSION_ENDPOINT, endpoint);
            alarms.add(new MetricAlarm(id + "-error-rate", notify(MetricAlarmArgs.builder()
                    .alarmDescription("More than " + (int) ERROR_RATE_PERCENT + "% of the batches for SageMaker "
                            + "endpoint " + endpoint + " failed (sqlscore " + name + "); the batch log lines say why")
                    .comparisonOperator("GreaterThanThreshold")
                    .threshold(ERROR_RATE_PERCENT)
                    .evaluationPeriods(3)
                    .datapointsToAlarm(2)
                    .treatMissingData("notBreaching")
                    .metricQueries(
                            query("errors", namespace, MetricNames.ERRORS, byEndpoint, "Sum"),
                            query("batches", namespace, MetricNames.BATCHES, byEndpoint, "Sum"),
                            MetricAlarmMetricQueryArgs.builder().id("rate").expression("100 * errors / batches")
                                    .label("error rate (%)").returnData(true).build()), monitoring).build(), child));
            alarms.add(new MetricAlarm(id + "-throttling", notify(MetricAlarmArgs.builder()
                    .alarmDescription("SageMaker endpoint " + endpoint + " throttles batches (sqlscore " + name
                            + "): add capacity, or lower maxConcurrentRequests or reservedConcurrency")
                    .namespace(namespace).metricName(MetricNames.THROTTLES).dimensions(byEndpoint)
                    .statistic("Sum").period(PERIOD_SECONDS)
                    .comparisonOperator("GreaterThanThreshold").threshold(0.0)
                    .evaluationPeriods(3).datapointsToAlarm(2).treatMissingData("notBreaching"), monitoring)
                    .build(), child));
            double nearDeadline = LATENCY_SHARE_OF_DEADLINE * deadlineMillis;
            alarms.add(new MetricAlarm(id + "-batch-time", notify(MetricAlarmArgs.builder()
                    .alarmDescription("p99 batch time for endpoint " + endpoint + " is past "
                            + (int) (LATENCY_SHARE_OF_DEADLINE * 100) + "% of deadlineMillis (sqlscore " + name
                            + "): batches will start to time out; lower maxBatchRows or add capacity")
                    .namespace(namespace).metricName(MetricNames.HANDLER_MS).dimensions(byEndpoint)
                    .extendedStatistic("p99").period(PERIOD_SECONDS)
                    .comparisonOperator("GreaterThanThreshold").threshold(nearDeadline)
                    .evaluationPeriods(3).datapointsToAlarm(2).treatMissingData("notBreaching"), monitoring)
                    .build(), child));
            if (functions.rowIsolatingEndpointNames().contains(endpoint)) {
                alarms.add(new MetricAlarm(id + "-refused-rows", notify(MetricAlarmArgs.builder()
                        .alarmDescription("More than " + monitoring.refusedRowsThreshold() + " rows in five minutes "
                                + "were refused by the model behind endpoint " + endpoint + " and answered NULL "
                                + "(sqlscore " + name + ", onRowError: null); the batch log lines name the first "
                                + "rows of each batch")
                        .namespace(namespace).metricName(MetricNames.ROWS_REFUSED).dimensions(byEndpoint)
                        .statistic("Sum").period(PERIOD_SECONDS)
                        .comparisonOperator("GreaterThanThreshold")
                        .threshold((double) monitoring.refusedRowsThreshold())
                        .evaluationPeriods(1).treatMissingData("notBreaching"), monitoring).build(), child));
            }
        }
        alarms.add(new MetricAlarm(name + "-lambda-errors", notify(MetricAlarmArgs.builder()
                .alarmDescription("The sqlscore Lambda (" + name + ") failed invocations: it could not start or "
                        + "crashed; its log group says why")
                .namespace("AWS/Lambda").metricName("Errors")
                .dimensions(lambda.function().name().applyValue(fn -> Map.of("FunctionName", fn)))
                .statistic("Sum").period(PERIOD_SECONDS)
                .comparisonOperator("GreaterThanThreshold").threshold(0.0)
                .evaluationPeriods(1).treatMissingData("notBreaching"), monitoring).build(), child));
        return alarms;
    }

    private static MetricAlarmArgs.Builder notify(MetricAlarmArgs.Builder alarm, MonitoringSettings monitoring) {
        if (monitoring.alarmTopicArn() != null) {
            alarm.alarmActions(monitoring.alarmTopicArn()).okActions(monitoring.alarmTopicArn());
        }
        return alarm;
    }

    private static MetricAlarmMetricQueryArgs query(String id, String namespace, String metric,
                                                    Map<String, String> dimensions, String stat) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(namespace).metricName(metric)
                        .dimensions(dimensions).stat(stat).period(PERIOD_SECONDS).build())
                .build();
    }

    /** The dashboard's widgets as CloudWatch's dashboard body JSON. */
    static final class DashboardBody {

        private DashboardBody() {
        }

        static String json(String region, String namespace, List<String> endpoints, String functionName,
                           String apiName, String stage) {
            List<Object> widgets = new ArrayList<>();
            widgets.add(widget(0, 0, "Rows per second, by function", region, List.of(List.of(Map.of(
                    "expression", "SEARCH('{" + namespace + "," + MetricNames.DIMENSION_ENDPOINT + ","
                            + MetricNames.DIMENSION_FUNCTION + "} MetricName=\"" + MetricNames.ROWS
                            + "\"', 'Sum', 60) / 60",
                    "id", "rows", "label", "")))));
            List<Object> rates = new ArrayList<>();
            List<Object> latency = new ArrayList<>();
            List<Object> throttles = new ArrayList<>();
            for (int i = 0; i < endpoints.size(); i++) {
                String endpoint = endpoints.get(i);
                rates.add(List.of(namespace, MetricNames.ERRORS, MetricNames.DIMENSION_ENDPOINT, endpoint,
                        Map.of("id", "e" + i, "stat", "Sum", "visible", false)));
                rates.add(List.of(namespace, MetricNames.BATCHES, MetricNames.DIMENSION_ENDPOINT, endpoint,
                        Map.of("id", "b" + i, "stat", "Sum", "visible", false)));
                rates.add(List.of(Map.of("expression", "100 * e" + i + " / b" + i, "id", "rate" + i,
                        "label", endpoint)));
                latency.add(List.of(namespace, MetricNames.MODEL_MS, MetricNames.DIMENSION_ENDPOINT, endpoint,
                        Map.of("stat", "p50", "label", endpoint + " p50")));
                latency.add(List.of(namespace, MetricNames.MODEL_MS, MetricNames.DIMENSION_ENDPOINT, endpoint,
                        Map.of("stat", "p99", "label", endpoint + " p99")));
                throttles.add(List.of(namespace, MetricNames.THROTTLES, MetricNames.DIMENSION_ENDPOINT, endpoint,
                        Map.of("stat", "Sum", "label", endpoint)));
            }
            widgets.add(widget(12, 0, "Error rate (%), by endpoint", region, rates));
            widgets.add(widget(0, 6, "Model latency (ms), p50 and p99, by endpoint", region, latency));
            widgets.add(widget(12, 6, "Throttled batches, by endpoint", region, throttles));
            widgets.add(widget(0, 12, "Lambda: concurrency (left), duration p99 in ms (right)", region, List.of(
                    List.of("AWS/Lambda", "ConcurrentExecutions", "FunctionName", functionName,
                            Map.of("stat", "Maximum")),
                    List.of("AWS/Lambda", "Throttles", "FunctionName", functionName, Map.of("stat", "Sum")),
                    List.of("AWS/Lambda", "Duration", "FunctionName", functionName,
                            Map.of("stat", "p99", "yAxis", "right")))));
            widgets.add(widget(0, 18, "Rows answered NULL, refused by the model (onRowError: null), by function",
                    region,
                    List.of(List.of(Map.of("expression", "SEARCH('{" + namespace + ","
                            + MetricNames.DIMENSION_ENDPOINT + "," + MetricNames.DIMENSION_FUNCTION + "} MetricName=\""
                            + MetricNames.ROWS_REFUSED + "\"', 'Sum', 300)", "id", "refused", "label", "")))));
            widgets.add(widget(12, 12, "API Gateway: 4xx and 5xx (left), latency p99 in ms (right)", region, List.of(
                    List.of("AWS/ApiGateway", "4XXError", "ApiName", apiName, "Stage", stage, Map.of("stat", "Sum")),
                    List.of("AWS/ApiGateway", "5XXError", "ApiName", apiName, "Stage", stage, Map.of("stat", "Sum")),
                    List.of("AWS/ApiGateway", "Latency", "ApiName", apiName, "Stage", stage,
                            Map.of("stat", "p99", "yAxis", "right")))));
            return PolicyDocuments.json(Map.of("widgets", widgets));
        }

        private static Map<String, Object> widget(int x, int y, String title, String region, List<Object> metrics) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("title", title);
            properties.put("region", region);
            properties.put("view", "timeSeries");
            properties.put("stacked", false);
            properties.put("period", 60);
            properties.put("metrics", metrics);
            Map<String, Object> widget = new LinkedHashMap<>();
            widget.put("type", "metric");
            widget.put("x", x);
            widget.put("y", y);
            widget.put("width", 12);
            widget.put("height", 6);
            widget.put("properties", properties);
            return widget;
        }
    }
}
