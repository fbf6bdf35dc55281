package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole stack configuration, validated. Produced only by {@link StackConfigReader}; the stack program turns it
 * into the component's arguments.
 *
 * @param snowflakeVpcId   Snowflake's VPC id for a PRIVATE API; {@code null} for REGIONAL
 * @param iamPropagation   how long to wait after the Snowflake role's trust changes before creating functions
 * @param grantDatabaseAndSchemaUsage whether the stack also grants USAGE on the database and schema to grantees
 * @param monitoring       alarms, their topic, the Lambda's reserved concurrency and tracing
 * @param asyncStateDays   how long the state bucket keeps asynchronous batches (payloads and state) before S3
 *                         expires them
 */
public record StackSettings(SnowflakeConnection snowflake, String database, String schema,
                            List<FunctionSettings> functions, LambdaSettings lambda, ScoringSettings scoring,
                            int logRetentionDays, EndpointType endpointType, String snowflakeVpcId,
                            AccessLogging accessLogging, Duration iamPropagation,
                            boolean grantDatabaseAndSchemaUsage, MonitoringSettings monitoring,
                            int asyncStateDays) {

    public StackSettings {
        functions = List.copyOf(functions);
    }

    /** The functions and what follows from them ({@link Functions}). */
    public Functions catalog() {
        return new Functions(functions);
    }
}
