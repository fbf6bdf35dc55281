package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.List;

/**
 * The one place stack configuration is read and validated. Works on a plain {@link ConfigSource}, so every
 * invalid value can be tested without the Pulumi engine; reports all problems at once.
 */
public final class StackConfigReader {

    public static final String DATABASE = "sqlscore:database";
    public static final String SCHEMA = "sqlscore:schema";
    public static final String FUNCTIONS = "sqlscore:functions";
    public static final String LAMBDA_MEMORY_MB = "sqlscore:lambdaMemoryMb";
    public static final String LAMBDA_ARCHITECTURE = "sqlscore:lambdaArchitecture";
    public static final String LAMBDA_TIMEOUT_SECONDS = "sqlscore:lambdaTimeoutSeconds";
    public static final String LOG_RETENTION_DAYS = "sqlscore:logRetentionDays";
    public static final String ENDPOINT_TYPE = "sqlscore:endpointType";
    public static final String SNOWFLAKE_VPC_ID = "sqlscore:snowflakeVpcId";
    public static final String ACCESS_LOGGING = "sqlscore:accessLogging";
    public static final String IAM_PROPAGATION_SECONDS = "sqlscore:iamPropagationSeconds";
    public static final String MAX_REQUEST_BYTES = "sqlscore:maxRequestBytes";
    public static final String MAX_ROWS_PER_REQUEST = "sqlscore:maxRowsPerRequest";
    public static final String MAX_CONCURRENT_REQUESTS = "sqlscore:maxConcurrentRequests";
    public static final String DEADLINE_MILLIS = "sqlscore:deadlineMillis";
    public static final String DEFAULT_ENDPOINT = "sqlscore:defaultEndpoint";
    public static final String GRANT_DATABASE_AND_SCHEMA_USAGE = "sqlscore:grantDatabaseAndSchemaUsage";
    public static final String ALARMS = "sqlscore:alarms";
    public static final String ALARM_TOPIC_ARN = "sqlscore:alarmTopicArn";
    public static final String RESERVED_CONCURRENCY = "sqlscore:reservedConcurrency";
    public static final String TRACING = "sqlscore:tracing";
    public static final String ASYNC_STATE_DAYS = "sqlscore:asyncStateDays";

    public static final String SNOWFLAKE_ORGANIZATION = "snowflake:organizationName";
    public static final String SNOWFLAKE_ACCOUNT = "snowflake:accountName";
    public static final String SNOWFLAKE_USER = "snowflake:user";
    public static final String SNOWFLAKE_ROLE = "snowflake:role";
    public static final String SNOWFLAKE_WAREHOUSE = "snowflake:warehouse";
    public static final String SNOWFLAKE_PRIVATE_KEY = "snowflake:privateKey";
    public static final String SNOWFLAKE_PRIVATE_KEY_PASSPHRASE = "snowflake:privateKeyPassphrase";
    public static final String SNOWFLAKE_PASSWORD = "snowflake:password";

    /**
     * The smallest Lambda memory size that serves the largest batch API Gateway can deliver (a 6 MB event) with
     * headroom, measured under the Lambda Java runtime client with Lambda's JVM sizing (docs/lambda-memory.md).
     */
    public static final int LAMBDA_MEMORY_FLOOR_MB = 640;
    public static final int LAMBDA_MEMORY_MAX_MB = 10_240;
    /** API Gateway gives up on an integration after 29 s; the handler must answer before that. */
    public static final int API_GATEWAY_TIMEOUT_MILLIS = 29_000;
    public static final List<Integer> LOG_RETENTION_CHOICES = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final ConfigSource source;
    private final ConfigProblems problems = new ConfigProblems();

    private StackConfigReader(ConfigSource source) {
        this.source = source;
    }

    /**
     * @throws InvalidConfigException listing every invalid or missing value, each with its key and what it accepts
     */
    public static StackSettings read(ConfigSource source) {
        return new StackConfigReader(source).read();
    }

    private StackSettings read() {
        SnowflakeConnection snowflake = snowflake();
        String database = problems.identifier(DATABASE, raw(DATABASE), true);
        String schema = problems.identifier(SCHEMA, raw(SCHEMA), true);
        List<FunctionSettings> functions = new FunctionsConfigReader(problems).read(FUNCTIONS, raw(FUNCTIONS));
        LambdaSettings lambda = new LambdaSettings(
                lambdaMemoryMb(),
                problems.oneOf(LAMBDA_ARCHITECTURE, raw(LAMBDA_ARCHITECTURE), "arm64", List.of("arm64", "x86_64")),
                problems.integer(LAMBDA_TIMEOUT_SECONDS, raw(LAMBDA_TIMEOUT_SECONDS), 30, 1, 900));
        ScoringSettings scoring = scoring(lambda, functions);
        int logRetentionDays = logRetentionDays();
        EndpointType endpointType = EndpointType.valueOf(problems.oneOf(ENDPOINT_TYPE, raw(ENDPOINT_TYPE),
                EndpointType.REGIONAL.name(), List.of(EndpointType.REGIONAL.name(), EndpointType.PRIVATE.name())));
        String vpcId = snowflakeVpcId(endpointType);
        String logging = problems.oneOf(ACCESS_LOGGING, raw(ACCESS_LOGGING),
                AccessLogging.EXISTING_ACCOUNT_ROLE.configValue(), AccessLogging.configValues());
        AccessLogging accessLogging = AccessLogging.values()[AccessLogging.configValues().indexOf(logging)];
        Duration iamPropagation = Duration.ofSeconds(
                problems.integer(IAM_PROPAGATION_SECONDS, raw(IAM_PROPAGATION_SECONDS), 30, 0, 300));
        boolean grantContainers = problems.bool(GRANT_DATABASE_AND_SCHEMA_USAGE, raw(GRANT_DATABASE_AND_SCHEMA_USAGE),
                false);
        MonitoringSettings monitoring = monitoring();
        int asyncStateDays = problems.integer(ASYNC_STATE_DAYS, raw(ASYNC_STATE_DAYS), 1, 1, 365);
        requireOneModePerEndpoint(functions);
        problems.throwIfAny();
        return new StackSettings(snowflake, database, schema, functions, lambda, scoring, logRetentionDays,
                endpointType, vpcId, accessLogging, iamPropagation, grantContainers, monitoring, asyncStateDays);
    }

    private SnowflakeConnection snowflake() {
        if (!ConfigProblems.isBlank(raw(SNOWFLAKE_PASSWORD))) {
            problems.add(SNOWFLAKE_PASSWORD, "passwords are not used; remove it (`pulumi config rm "
                    + SNOWFLAKE_PASSWORD + "`) and set " + SNOWFLAKE_PRIVATE_KEY + " to a key pair's private key");
        }
        return new SnowflakeConnection(
                problems.required(SNOWFLAKE_ORGANIZATION, raw(SNOWFLAKE_ORGANIZATION),
                        "your Snowflake organization name, the first part of <org>-<account>"),
                problems.required(SNOWFLAKE_ACCOUNT, raw(SNOWFLAKE_ACCOUNT),
                        "your Snowflake account name, the second part of <org>-<account>"),
                problems.required(SNOWFLAKE_USER, raw(SNOWFLAKE_USER), "the Snowflake user the stack signs in as"),
                problems.required(SNOWFLAKE_ROLE, raw(SNOWFLAKE_ROLE),
                        "a role allowed to create integrations and functions, e.g. ACCOUNTADMIN"),
                ConfigProblems.isBlank(raw(SNOWFLAKE_WAREHOUSE)) ? null : raw(SNOWFLAKE_WAREHOUSE).strip(),
                problems.required(SNOWFLAKE_PRIVATE_KEY, raw(SNOWFLAKE_PRIVATE_KEY), "the user's PEM private key; "
                        + "set it with `pulumi config set --secret " + SNOWFLAKE_PRIVATE_KEY + " < rsa_key.p8`"),
                ConfigProblems.isBlank(raw(SNOWFLAKE_PRIVATE_KEY_PASSPHRASE)) ? null
                        : raw(SNOWFLAKE_PRIVATE_KEY_PASSPHRASE));
    }

    private ScoringSettings scoring(LambdaSettings lambda, List<FunctionSettings> functions) {
        int maxRequestBytes = problems.integer(MAX_REQUEST_BYTES, raw(MAX_REQUEST_BYTES), 4_000_000, 1_024, 6_291_456);
        int maxRows = problems.integer(MAX_ROWS_PER_REQUEST, raw(MAX_ROWS_PER_REQUEST), 0, 0, Integer.MAX_VALUE);
        int maxConcurrent = problems.integer(MAX_CONCURRENT_REQUESTS, raw(MAX_CONCURRENT_REQUESTS), 8, 1, 64);
        int deadline = problems.integer(DEADLINE_MILLIS, raw(DEADLINE_MILLIS), 25_000, 1_000,
                API_GATEWAY_TIMEOUT_MILLIS - 1);
        if (deadline >= lambda.timeoutSeconds() * 1_000) {
            problems.add(DEADLINE_MILLIS, deadline + " ms is not below " + LAMBDA_TIMEOUT_SECONDS + " ("
                    + lambda.timeoutSeconds() + " s): lower the deadline or raise the Lambda timeout, so the handler "
                    + "answers before Lambda kills it");
        }
        String defaultEndpoint = problems.matching(DEFAULT_ENDPOINT, raw(DEFAULT_ENDPOINT), Patterns.SAGEMAKER_NAME,
                "a SageMaker endpoint name");
        List<String> endpoints = functions.stream().map(FunctionSettings::endpointName).distinct().toList();
        if (defaultEndpoint != null && !functions.isEmpty() && !endpoints.contains(defaultEndpoint)) {
            problems.add(DEFAULT_ENDPOINT, "'" + defaultEndpoint + "' is not the endpoint of any function in "
                    + FUNCTIONS + "; use one of " + String.join(", ", endpoints));
        }
        return new ScoringSettings(maxRequestBytes, maxRows, maxConcurrent, deadline, defaultEndpoint);
    }

    /** A SageMaker endpoint is real-time or asynchronous, never both: one endpoint, one mode. */
    private void requireOneModePerEndpoint(List<FunctionSettings> functions) {
        for (int i = 0; i < functions.size(); i++) {
            for (int j = 0; j < i; j++) {
                FunctionSettings function = functions.get(i);
                FunctionSettings earlier = functions.get(j);
                if (function.endpointName().equals(earlier.endpointName()) && function.isAsync() != earlier.isAsync()) {
                    problems.add(FUNCTIONS + "[" + i + "].mode", "endpoint '" + function.endpointName() + "' is "
                            + (earlier.isAsync() ? "asynchronous" : "real-time") + " for " + earlier.sqlName()
                            + " but not for " + function.sqlName() + "; an endpoint is one or the other, so give "
                            + "both the same mode");
                }
            }
        }
    }

    private int lambdaMemoryMb() {
        String raw = raw(LAMBDA_MEMORY_MB);
        if (!ConfigProblems.isBlank(raw) && raw.strip().matches("\\d{1,9}")
                && Integer.parseInt(raw.strip()) < LAMBDA_MEMORY_FLOOR_MB) {
            problems.add(LAMBDA_MEMORY_MB, raw.strip() + " MB is below " + LAMBDA_MEMORY_FLOOR_MB + " MB, the smallest "
                    + "size measured to serve the largest batch API Gateway can deliver (6 MB) with headroom; smaller "
                    + "functions are killed for memory or miss the deadline on such batches (docs/lambda-memory.md). "
                    + "Use " + LAMBDA_MEMORY_FLOOR_MB + " to " + LAMBDA_MEMORY_MAX_MB);
            return 1024;
        }
        return problems.integer(LAMBDA_MEMORY_MB, raw, 1024, LAMBDA_MEMORY_FLOOR_MB, LAMBDA_MEMORY_MAX_MB);
    }

    private MonitoringSettings monitoring() {
        boolean alarms = problems.bool(ALARMS, raw(ALARMS), true);
        String topic = problems.matching(ALARM_TOPIC_ARN, raw(ALARM_TOPIC_ARN), Patterns.SNS_TOPIC_ARN,
                "an SNS topic ARN like arn:aws:sns:us-east-1:123456789012:ml-alerts");
        if (topic != null && !alarms) {
            problems.add(ALARM_TOPIC_ARN, "is set but " + ALARMS + " is false: remove it or turn the alarms on");
        }
        Integer reserved = null;
        String rawReserved = raw(RESERVED_CONCURRENCY);
        if (!ConfigProblems.isBlank(rawReserved) && !rawReserved.strip().equals("-1")) {
            reserved = problems.integer(RESERVED_CONCURRENCY, rawReserved, null, 1, 10_000);
        }
        boolean tracing = problems.bool(TRACING, raw(TRACING), false);
        return new MonitoringSettings(alarms, topic, reserved, tracing);
    }

    private int logRetentionDays() {
        Integer days = problems.integer(LOG_RETENTION_DAYS, raw(LOG_RETENTION_DAYS), 30, 1, 3653);
        if (!LOG_RETENTION_CHOICES.contains(days)) {
            problems.add(LOG_RETENTION_DAYS, days + " is not a CloudWatch Logs retention; use one of "
                    + LOG_RETENTION_CHOICES);
        }
        return days;
    }

    private String snowflakeVpcId(EndpointType endpointType) {
        String vpcId = problems.matching(SNOWFLAKE_VPC_ID, raw(SNOWFLAKE_VPC_ID), Patterns.VPC_ID,
                "a VPC id like vpc-0123456789abcdef0 (Snowflake's, from SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO())");
        if (endpointType == EndpointType.PRIVATE && vpcId == null && ConfigProblems.isBlank(raw(SNOWFLAKE_VPC_ID))) {
            problems.add(SNOWFLAKE_VPC_ID, "is required when " + ENDPOINT_TYPE + " is PRIVATE: set it to the "
                    + "snowflake-vpc-id from `select SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO()`");
        }
        if (endpointType == EndpointType.REGIONAL && vpcId != null) {
            problems.add(SNOWFLAKE_VPC_ID, "is only used when " + ENDPOINT_TYPE + " is PRIVATE; remove it or set "
                    + ENDPOINT_TYPE + " to PRIVATE");
        }
        return endpointType == EndpointType.PRIVATE ? vpcId : null;
    }

    private String raw(String key) {
        return source.get(key).orElse(null);
    }
}
