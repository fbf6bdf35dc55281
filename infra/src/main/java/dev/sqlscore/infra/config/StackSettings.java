package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole stack configuration, validated. Produced only by {@link StackConfigReader}.
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

    /** Every endpoint some function calls, in configuration order: the Lambda may call these and no other. */
    public Set<String> endpointNames() {
        Set<String> names = new LinkedHashSet<>();
        functions.forEach(function -> names.add(function.endpointName()));
        return names;
    }

    /** The functions in {@code mode: async}; the stack builds the state bucket and the GET route only for them. */
    public List<FunctionSettings> asyncFunctions() {
        return functions.stream().filter(FunctionSettings::isAsync).toList();
    }

    public boolean hasAsyncFunctions() {
        return !asyncFunctions().isEmpty();
    }

    /** The endpoints real-time functions call ({@code sagemaker:InvokeEndpoint}). */
    public Set<String> realTimeEndpointNames() {
        Set<String> names = new LinkedHashSet<>();
        functions.stream().filter(function -> !function.isAsync()).forEach(f -> names.add(f.endpointName()));
        return names;
    }

    /** The endpoints asynchronous functions call ({@code sagemaker:InvokeEndpointAsync}). */
    public Set<String> asyncEndpointNames() {
        Set<String> names = new LinkedHashSet<>();
        asyncFunctions().forEach(function -> names.add(function.endpointName()));
        return names;
    }

    /** Every role granted USAGE on some function, in configuration order. */
    public Set<String> grantees() {
        Set<String> roles = new LinkedHashSet<>();
        functions.forEach(function -> roles.addAll(function.grantees()));
        return roles;
    }
}
