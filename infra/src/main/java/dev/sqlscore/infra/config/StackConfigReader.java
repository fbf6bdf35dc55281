package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
    /** Deprecated for {@link #SNOWFLAKE_VPC_IDS}: Snowflake egresses from more than one VPC since 2025. */
    public static final String SNOWFLAKE_VPC_ID = "sqlscore:snowflakeVpcId";
    public static final String SNOWFLAKE_VPC_IDS = "sqlscore:snowflakeVpcIds";
    public static final String DISCOVER_SNOWFLAKE_VPC_IDS = "sqlscore:discoverSnowflakeVpcIds";
    public static final String INTEGRATION_TIMEOUT_SECONDS = "sqlscore:integrationTimeoutSeconds";
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
    public static final String REFUSED_ROWS_ALARM_THRESHOLD = "sqlscore:refusedRowsAlarmThreshold";
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
    /** API Gateway gives up on an integration after 29 s unless the account's quota was raised (up to 300 s). */
    public static final int DEFAULT_INTEGRATION_TIMEOUT_SECONDS = 29;
    public static final int MAX_INTEGRATION_TIMEOUT_SECONDS = 300;
    /** SageMaker's InvokeEndpoint answers within 60 s or not at all. */
    public static final int INVOKE_ENDPOINT_TIMEOUT_SECONDS = 60;
    /** The handler's default deadline is this much before the integration timeout: time to write the answer. */
    public static final int DEADLINE_MARGIN_MILLIS = 4_000;
    /** This program's configuration namespace, the project's name. */
    public static final String NAMESPACE = "sqlscore";
    /** Every key of this program's namespace (each declared in Pulumi.yaml). */
    public static final List<String> KEYS = List.of(DATABASE, SCHEMA, FUNCTIONS, LAMBDA_MEMORY_MB, LAMBDA_ARCHITECTURE,
            LAMBDA_TIMEOUT_SECONDS, LOG_RETENTION_DAYS, ENDPOINT_TYPE, SNOWFLAKE_VPC_ID, SNOWFLAKE_VPC_IDS,
            DISCOVER_SNOWFLAKE_VPC_IDS, INTEGRATION_TIMEOUT_SECONDS, ACCESS_LOGGING, IAM_PROPAGATION_SECONDS,
            MAX_REQUEST_BYTES, MAX_ROWS_PER_REQUEST, MAX_CONCURRENT_REQUESTS, DEADLINE_MILLIS, DEFAULT_ENDPOINT,
            GRANT_DATABASE_AND_SCHEMA_USAGE, ALARMS, ALARM_TOPIC_ARN, RESERVED_CONCURRENCY, TRACING, ASYNC_STATE_DAYS,
            REFUSED_ROWS_ALARM_THRESHOLD);
    public static final List<Integer> LOG_RETENTION_CHOICES = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final ConfigSource source;
    private final ConfigProblems problems = new ConfigProblems();
    private final List<String> notices = new ArrayList<>();

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
        int integrationTimeout = integrationTimeoutSeconds(lambda, functions);
        ScoringSettings scoring = scoring(functions, integrationTimeout);
        int logRetentionDays = logRetentionDays();
        EndpointType endpointType = EndpointType.valueOf(problems.oneOf(ENDPOINT_TYPE, raw(ENDPOINT_TYPE),
                EndpointType.REGIONAL.name(), List.of(EndpointType.REGIONAL.name(), EndpointType.PRIVATE.name())));
        List<String> vpcIds = snowflakeVpcIds(endpointType);
        boolean discoverVpcIds = problems.bool(DISCOVER_SNOWFLAKE_VPC_IDS, raw(DISCOVER_SNOWFLAKE_VPC_IDS), false);
        if (discoverVpcIds && endpointType != EndpointType.PRIVATE) {
            problems.add(DISCOVER_SNOWFLAKE_VPC_IDS, "is only used when " + ENDPOINT_TYPE + " is PRIVATE; remove it "
                    + "or set " + ENDPOINT_TYPE + " to PRIVATE");
        }
        if (endpointType == EndpointType.PRIVATE && vpcIds.isEmpty() && !discoverVpcIds
                && ConfigProblems.isBlank(raw(SNOWFLAKE_VPC_IDS)) && ConfigProblems.isBlank(raw(SNOWFLAKE_VPC_ID))) {
            problems.add(SNOWFLAKE_VPC_IDS, "needs at least one VPC id when " + ENDPOINT_TYPE + " is PRIVATE: list "
                    + "every id `select SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO()` returns (snowflake-vpc-id and each id "
                    + "of snowflake-egress-vpc-ids), or set " + DISCOVER_SNOWFLAKE_VPC_IDS + " to true");
        }
        requireKnownKeys();
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
                endpointType, vpcIds, discoverVpcIds, integrationTimeout, accessLogging, iamPropagation,
                grantContainers, monitoring, asyncStateDays, List.copyOf(notices));
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

    /**
     * API Gateway's wait for the Lambda: 29 s unless the account's quota was raised (up to 300 s, Regional and
     * private APIs). Lambda must outlive it, or API Gateway would wait on a function already killed.
     */
    private int integrationTimeoutSeconds(LambdaSettings lambda, List<FunctionSettings> functions) {
        int seconds = problems.integer(INTEGRATION_TIMEOUT_SECONDS, raw(INTEGRATION_TIMEOUT_SECONDS),
                DEFAULT_INTEGRATION_TIMEOUT_SECONDS, 1, MAX_INTEGRATION_TIMEOUT_SECONDS);
        if (lambda.timeoutSeconds() <= seconds) {
            problems.add(LAMBDA_TIMEOUT_SECONDS, lambda.timeoutSeconds() + " s does not exceed "
                    + INTEGRATION_TIMEOUT_SECONDS + " (" + seconds + " s): API Gateway would wait on a Lambda already "
                    + "killed; raise " + LAMBDA_TIMEOUT_SECONDS + " above " + seconds + " or lower "
                    + INTEGRATION_TIMEOUT_SECONDS);
        }
        if (seconds > DEFAULT_INTEGRATION_TIMEOUT_SECONDS) {
            notices.add(INTEGRATION_TIMEOUT_SECONDS + " is " + seconds + " s: API Gateway accepts more than 29 s only "
                    + "after a Service Quotas increase of \"Maximum integration timeout in milliseconds\" for this "
                    + "account and region (which may lower its request-rate quota); without it `pulumi up` fails");
        }
        if (seconds > INVOKE_ENDPOINT_TIMEOUT_SECONDS && functions.stream().anyMatch(f -> !f.isAsync())) {
            notices.add(INTEGRATION_TIMEOUT_SECONDS + " is " + seconds + " s but SageMaker's InvokeEndpoint answers "
                    + "within " + INVOKE_ENDPOINT_TIMEOUT_SECONDS + " s: a real-time model that needs longer must be "
                    + "an asynchronous function (mode: async)");
        }
        return seconds;
    }

    private ScoringSettings scoring(List<FunctionSettings> functions, int integrationTimeout) {
        int maxRequestBytes = problems.integer(MAX_REQUEST_BYTES, raw(MAX_REQUEST_BYTES), 4_000_000, 1_024, 6_291_456);
        int maxRows = problems.integer(MAX_ROWS_PER_REQUEST, raw(MAX_ROWS_PER_REQUEST), 0, 0, Integer.MAX_VALUE);
        int maxConcurrent = problems.integer(MAX_CONCURRENT_REQUESTS, raw(MAX_CONCURRENT_REQUESTS), 8, 1, 64);
        int integrationMillis = integrationTimeout * 1_000;
        int deadline = deadlineMillis(integrationMillis);
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

    /** -1 (the default) follows the integration timeout, 4 s before it: time to answer before API Gateway cuts. */
    private int deadlineMillis(int integrationMillis) {
        String raw = raw(DEADLINE_MILLIS);
        int following = Math.max(1_000, integrationMillis - DEADLINE_MARGIN_MILLIS);
        if (ConfigProblems.isBlank(raw) || raw.strip().equals("-1")) {
            return following;
        }
        String value = raw.strip();
        if (value.matches("\\d{1,9}")) {
            int deadline = Integer.parseInt(value);
            if (deadline >= 1_000 && deadline < integrationMillis) {
                return deadline;
            }
        }
        problems.add(DEADLINE_MILLIS, "'" + value + "' is not allowed; expected -1 (4 s before "
                + INTEGRATION_TIMEOUT_SECONDS + ") or a whole number from 1000 to " + (integrationMillis - 1)
                + " (below " + INTEGRATION_TIMEOUT_SECONDS + ", " + integrationMillis + " ms)");
        return following;
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
        int refusedRows = problems.integer(REFUSED_ROWS_ALARM_THRESHOLD, raw(REFUSED_ROWS_ALARM_THRESHOLD),
                MonitoringSettings.DEFAULT_REFUSED_ROWS_THRESHOLD, 1, 1_000_000_000);
        return new MonitoringSettings(alarms, topic, reserved, tracing, refusedRows);
    }

    private int logRetentionDays() {
        Integer days = problems.integer(LOG_RETENTION_DAYS, raw(LOG_RETENTION_DAYS), 30, 1, 3653);
        if (!LOG_RETENTION_CHOICES.contains(days)) {
            problems.add(LOG_RETENTION_DAYS, days + " is not a CloudWatch Logs retention; use one of "
                    + LOG_RETENTION_CHOICES);
        }
        return days;
    }

    /** The configured ids, the deprecated single key's included, each once, in configuration order. */
    private List<String> snowflakeVpcIds(EndpointType endpointType) {
        String what = "a VPC id like vpc-0123456789abcdef0 (Snowflake's, from SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO())";
        Set<String> ids = new LinkedHashSet<>();
        String rawList = raw(SNOWFLAKE_VPC_IDS);
        if (!ConfigProblems.isBlank(rawList)) {
            List<String> listed = problems.stringList(SNOWFLAKE_VPC_IDS, rawList);
            for (int i = 0; i < listed.size(); i++) {
                String id = problems.matching(SNOWFLAKE_VPC_IDS + "[" + i + "]", listed.get(i), Patterns.VPC_ID, what);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        String single = problems.matching(SNOWFLAKE_VPC_ID, raw(SNOWFLAKE_VPC_ID), Patterns.VPC_ID, what);
        if (single != null) {
            ids.add(single);
            notices.add(SNOWFLAKE_VPC_ID + " is deprecated: Snowflake calls from more than one VPC since 2025, so move "
                    + "it into the list " + SNOWFLAKE_VPC_IDS + " with every id SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO() "
                    + "returns (`pulumi config rm " + SNOWFLAKE_VPC_ID + "`)");
        }
        if (endpointType == EndpointType.REGIONAL && !ids.isEmpty()) {
            problems.add(single != null ? SNOWFLAKE_VPC_ID : SNOWFLAKE_VPC_IDS, "is only used when " + ENDPOINT_TYPE
                    + " is PRIVATE; remove it or set " + ENDPOINT_TYPE + " to PRIVATE");
        }
        return endpointType == EndpointType.PRIVATE ? List.copyOf(ids) : List.of();
    }

    /**
     * Every key of this program's namespace the stack sets must be one the program reads: Pulumi hands the program
     * undeclared keys too, so a typo ({@code sqlscore:lambdaMemory}) would otherwise deploy the default silently.
     */
    private void requireKnownKeys() {
        for (String key : new TreeSet<>(source.keys())) {
            if (key.startsWith(NAMESPACE + ":") && !KEYS.contains(key)) {
                problems.add(key, "is not a setting of this program" + Suggestions.nearest(key, KEYS)
                        .map(nearest -> "; did you mean " + nearest + "?").orElse("")
                        + " The settings are declared in Pulumi.yaml; remove it with `pulumi config rm " + key + "`");
            }
        }
    }

    private String raw(String key) {
        return source.get(key).orElse(null);
    }
}
