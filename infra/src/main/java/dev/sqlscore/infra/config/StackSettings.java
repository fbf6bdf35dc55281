package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole stack configuration, validated. Produced only by {@link StackConfigReader}; the stack program turns it
 * into the component's arguments.
 *
 * @param snowflakeVpcIds  the VPCs a PRIVATE API admits (every one Snowflake calls from); empty for REGIONAL
 * @param discoverSnowflakeVpcIds whether the program also asks Snowflake for its VPC id (PRIVATE only)
 * @param integrationTimeoutSeconds how long API Gateway waits for the Lambda
 * @param iamPropagation   how long to wait after the Snowflake role's trust changes before creating functions
 * @param grantDatabaseAndSchemaUsage whether the stack also grants USAGE on the database and schema to grantees
 * @param monitoring       alarms, their topic, the Lambda's reserved concurrency and tracing
 * @param asyncStateDays   how long the state bucket keeps asynchronous batches (payloads and state) before S3
 *                         expires them
 * @param notices          what the reader noticed but did not refuse (a deprecated key, a quota to request)
 */
public record StackSettings(SnowflakeConnection snowflake, String database, String schema,
                            List<FunctionSettings> functions, LambdaSettings lambda, ScoringSettings scoring,
                            int logRetentionDays, EndpointType endpointType, List<String> snowflakeVpcIds,
                            boolean discoverSnowflakeVpcIds, int integrationTimeoutSeconds,
                            AccessLogging accessLogging, Duration iamPropagation,
                            boolean grantDatabaseAndSchemaUsage, MonitoringSettings monitoring,
                            int asyncStateDays, List<String> notices) {

    public StackSettings {
        functions = List.copyOf(functions);
        snowflakeVpcIds = List.copyOf(snowflakeVpcIds);
        notices = List.copyOf(notices);
    }

    /** The functions and what follows from them ({@link Functions}). */
    public Functions catalog() {
        return new Functions(functions);
    }
}
