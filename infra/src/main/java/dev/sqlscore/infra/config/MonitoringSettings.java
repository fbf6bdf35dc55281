package dev.sqlscore.infra.config;

/**
 * The stack's watch over itself.
 *
 * @param alarms              whether the stack creates its CloudWatch alarms
 * @param alarmTopicArn       the SNS topic alarms notify (when they fire and when they clear); {@code null} for none
 * @param reservedConcurrency most batches in flight at once for the Lambda; {@code null} leaves it unreserved
 * @param tracing             X-Ray active tracing on the Lambda and the API stage
 */
public record MonitoringSettings(boolean alarms, String alarmTopicArn, Integer reservedConcurrency, boolean tracing) {
}
