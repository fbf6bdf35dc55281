package dev.sqlscore.infra.config;

/**
 * The stack's watch over itself.
 *
 * @param alarms              whether the stack creates its CloudWatch alarms
 * @param alarmTopicArn       the SNS topic alarms notify (when they fire and when they clear); {@code null} for none
 * @param reservedConcurrency most batches in flight at once for the Lambda; {@code null} leaves it unreserved
 * @param tracing             X-Ray active tracing on the Lambda and the API stage
 * @param refusedRowsThreshold rows answered NULL (refused by the model) per endpoint in five minutes past which the
 *                            refused-rows alarm fires, for functions with {@code onRowError: null}
 */
public record MonitoringSettings(boolean alarms, String alarmTopicArn, Integer reservedConcurrency, boolean tracing,
                                 int refusedRowsThreshold) {

    /** The configuration's default: alarms on, no topic, unreserved, no tracing, 100 refused rows. */
    public static final int DEFAULT_REFUSED_ROWS_THRESHOLD = 100;

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(true, null, null, false, DEFAULT_REFUSED_ROWS_THRESHOLD);
    }
}
