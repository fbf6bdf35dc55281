package dev.sqlscore.infra.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.sqlscore.infra.config.StackConfigReader.ACCESS_LOGGING;
import static dev.sqlscore.infra.config.StackConfigReader.DATABASE;
import static dev.sqlscore.infra.config.StackConfigReader.DEADLINE_MILLIS;
import static dev.sqlscore.infra.config.StackConfigReader.DEFAULT_ENDPOINT;
import static dev.sqlscore.infra.config.StackConfigReader.ENDPOINT_TYPE;
import static dev.sqlscore.infra.config.StackConfigReader.FUNCTIONS;
import static dev.sqlscore.infra.config.StackConfigReader.IAM_PROPAGATION_SECONDS;
import static dev.sqlscore.infra.config.StackConfigReader.LAMBDA_ARCHITECTURE;
import static dev.sqlscore.infra.config.StackConfigReader.LAMBDA_MEMORY_MB;
import static dev.sqlscore.infra.config.StackConfigReader.LAMBDA_TIMEOUT_SECONDS;
import static dev.sqlscore.infra.config.StackConfigReader.LOG_RETENTION_DAYS;
import static dev.sqlscore.infra.config.StackConfigReader.MAX_CONCURRENT_REQUESTS;
import static dev.sqlscore.infra.config.StackConfigReader.MAX_REQUEST_BYTES;
import static dev.sqlscore.infra.config.StackConfigReader.MAX_ROWS_PER_REQUEST;
import static dev.sqlscore.infra.config.StackConfigReader.SCHEMA;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_ACCOUNT;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_ORGANIZATION;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_PASSWORD;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_PRIVATE_KEY;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_ROLE;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_USER;
import static dev.sqlscore.infra.config.StackConfigReader.DISCOVER_SNOWFLAKE_VPC_IDS;
import static dev.sqlscore.infra.config.StackConfigReader.INTEGRATION_TIMEOUT_SECONDS;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_VPC_ID;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_VPC_IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigReaderTest {

    private static Map<String, String> minimal() {
        return ValidConfig.minimal();
    }

    /** The old single key still admits its VPC, beside the list, and says it is deprecated. */
    @Test
    void theDeprecatedVpcKeyJoinsTheListWithANotice() {
        Map<String, String> config = minimal();
        config.put(ENDPOINT_TYPE, "PRIVATE");
        config.put(SNOWFLAKE_VPC_IDS, "[\"vpc-0aaaabbbbccccdddd\", \"vpc-0123456789abcdef0\"]");
        config.put(SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0");

        StackSettings settings = read(config);

        assertEquals(List.of("vpc-0aaaabbbbccccdddd", "vpc-0123456789abcdef0"), settings.snowflakeVpcIds());
        assertEquals(1, settings.notices().size(), settings.notices()::toString);
        assertTrue(settings.notices().get(0).startsWith(SNOWFLAKE_VPC_ID + " is deprecated")
                && settings.notices().get(0).contains(SNOWFLAKE_VPC_IDS), settings.notices().get(0));
    }

    /** Discovery alone satisfies PRIVATE; the ids come at deploy time. */
    @Test
    void discoveryAloneIsEnoughForAPrivateApi() {
        Map<String, String> config = minimal();
        config.put(ENDPOINT_TYPE, "PRIVATE");
        config.put(DISCOVER_SNOWFLAKE_VPC_IDS, "true");

        StackSettings settings = read(config);

        assertTrue(settings.discoverSnowflakeVpcIds());
        assertEquals(List.of(), settings.snowflakeVpcIds());
    }

    /** A raised integration timeout moves the deadline with it, and says which quota it needs and where 60 s ends. */
    @Test
    void aLongerIntegrationTimeoutMovesTheDeadlineAndSaysWhatItNeeds() {
        Map<String, String> config = minimal();
        config.put(INTEGRATION_TIMEOUT_SECONDS, "120");
        config.put(LAMBDA_TIMEOUT_SECONDS, "150");

        StackSettings settings = read(config);

        assertEquals(120, settings.integrationTimeoutSeconds());
        assertEquals(116_000, settings.scoring().deadlineMillis());
        assertEquals(2, settings.notices().size(), settings.notices()::toString);
        assertTrue(settings.notices().get(0).contains("Maximum integration timeout in milliseconds"));
        assertTrue(settings.notices().get(1).contains("mode: async"));

        config.put(DEADLINE_MILLIS, "90000");
        assertEquals(90_000, read(config).scoring().deadlineMillis(), "a set deadline is kept");
    }

    private static StackSettings read(Map<String, String> config) {
        return StackConfigReader.read(ConfigSource.of(config));
    }

    @Test
    void minimalConfigurationGetsTheDocumentedDefaults() {
        StackSettings settings = read(minimal());

        assertEquals("ANALYTICS", settings.database());
        assertEquals("ML", settings.schema());
        assertEquals(new LambdaSettings(1024, "arm64", 30), settings.lambda());
        assertEquals(new ScoringSettings(4_000_000, 0, 8, 25_000, null), settings.scoring());
        assertEquals(30, settings.logRetentionDays());
        assertEquals(EndpointType.REGIONAL, settings.endpointType());
        assertEquals(List.of(), settings.snowflakeVpcIds());
        assertEquals(29, settings.integrationTimeoutSeconds());
        assertEquals(List.of(), settings.notices());
        assertEquals(AccessLogging.EXISTING_ACCOUNT_ROLE, settings.accessLogging());
        assertEquals(Duration.ofSeconds(30), settings.iamPropagation());
        FunctionSettings function = settings.functions().get(0);
        assertEquals(new FunctionSettings("SAGEMAKER_INVOKE", "my-endpoint", "text/csv", null, null, null, null, null,
                null, "AUTO", List.of(new FunctionArgument("FEATURES", "ARRAY")), "VARIANT", List.of(),
                List.of("CURRENT_USER", "CURRENT_ROLE"), null, null), function);
        assertEquals(Map.of("sagemaker-endpoint-name", "my-endpoint", "sagemaker-content-type", "text/csv"),
                function.headers());
        assertFalse(settings.grantDatabaseAndSchemaUsage());
        assertEquals(new MonitoringSettings(true, null, null, false, 100), settings.monitoring());
    }

    @Test
    void everySettingIsRead() {
        Map<String, String> config = minimal();
        config.put(FUNCTIONS, """
                [{"name": "score", "endpoint": "ep-1", "contentType": "application/jsonlines",
                  "accept": "application/jsonlines", "targetModel": "model-a.tar.gz", "targetVariant": "v2",
                  "inferenceComponent": "ic-1", "customAttributes": "a=b", "maxBatchRows": 500,
                  "compression": "none", "arguments": [{"name": "x", "type": "number"},
                  {"name": "y", "type": "VARCHAR"}], "returnType": "variant", "grantees": ["analyst", "ANALYST", "bi"],
                  "contextHeaders": ["warehouse", "user", "account", "user"]}]
                """);
        config.put(LAMBDA_MEMORY_MB, "3008");
        config.put(LAMBDA_ARCHITECTURE, "X86_64");
        config.put(LAMBDA_TIMEOUT_SECONDS, "60");
        config.put(MAX_REQUEST_BYTES, "6291456");
        config.put(MAX_ROWS_PER_REQUEST, "1000");
        config.put(MAX_CONCURRENT_REQUESTS, "64");
        config.put(DEADLINE_MILLIS, "28999");
        config.put(DEFAULT_ENDPOINT, "ep-1");
        config.put(LOG_RETENTION_DAYS, "365");
        config.put(ENDPOINT_TYPE, "private");
        config.put(SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0");
        config.put(ACCESS_LOGGING, "manage-account-role");
        config.put(IAM_PROPAGATION_SECONDS, "0");
        config.put(StackConfigReader.SNOWFLAKE_WAREHOUSE, "WH");
        config.put(StackConfigReader.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE, "phrase");
        config.put(StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "true");
        config.put(StackConfigReader.ALARMS, "true");
        config.put(StackConfigReader.ALARM_TOPIC_ARN, "arn:aws:sns:eu-west-1:123456789012:ml-alerts");
        config.put(StackConfigReader.RESERVED_CONCURRENCY, "50");
        config.put(StackConfigReader.TRACING, "true");
        config.put(StackConfigReader.REFUSED_ROWS_ALARM_THRESHOLD, "25");

        StackSettings settings = read(config);

        assertEquals(new FunctionSettings("SCORE", "ep-1", "application/jsonlines", "application/jsonlines",
                "model-a.tar.gz", "v2", "ic-1", "a=b", 500, "NONE",
                List.of(new FunctionArgument("X", "NUMBER"), new FunctionArgument("Y", "VARCHAR")), "VARIANT",
                List.of("ANALYST", "BI"), List.of("CURRENT_USER", "CURRENT_ACCOUNT", "CURRENT_WAREHOUSE"), null, null),
                settings.functions().get(0));
        assertTrue(settings.grantDatabaseAndSchemaUsage());
        assertEquals(new MonitoringSettings(true, "arn:aws:sns:eu-west-1:123456789012:ml-alerts", 50, true, 25),
                settings.monitoring());
        assertEquals(new LambdaSettings(3008, "x86_64", 60), settings.lambda());
        assertEquals(new ScoringSettings(6_291_456, 1000, 64, 28_999, "ep-1"), settings.scoring());
        assertEquals(365, settings.logRetentionDays());
        assertEquals(EndpointType.PRIVATE, settings.endpointType());
        assertEquals(List.of("vpc-0123456789abcdef0"), settings.snowflakeVpcIds());
        assertEquals(AccessLogging.MANAGE_ACCOUNT_ROLE, settings.accessLogging());
        assertEquals(Duration.ZERO, settings.iamPropagation());
        assertEquals(new SnowflakeConnection("MYORG", "MYACCOUNT", "PULUMI", "ACCOUNTADMIN", "WH",
                ValidConfig.PRIVATE_KEY, "phrase"), settings.snowflake());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"contentType\": \"text/plain\"}]",
                        FUNCTIONS + "[0].contentType", "text/csv, application/json, application/jsonlines"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"my_endpoint\"}]",
                        FUNCTIONS + "[0].endpoint", "SageMaker endpoint name"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"-leading-hyphen\"}]",
                        FUNCTIONS + "[0].endpoint", "letters, digits and hyphens"),
                invalid(FUNCTIONS, "[{\"name\": \"1F\", \"endpoint\": \"e\"}]",
                        FUNCTIONS + "[0].name", "unquoted Snowflake identifier"),
                invalid(FUNCTIONS, "[{\"name\": \"MY-FUNC\", \"endpoint\": \"e\"}]",
                        FUNCTIONS + "[0].name", "unquoted Snowflake identifier"),
                invalid(FUNCTIONS, "[{\"endpoint\": \"e\"}]", FUNCTIONS + "[0].name", "is required"),
                invalid(FUNCTIONS, "[{\"name\": \"F\"}]", FUNCTIONS + "[0].endpoint", "is required"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"endpointName\": \"x\"}]",
                        FUNCTIONS + "[0].endpointName", "is not a known setting"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"a\"}, {\"name\": \"f\", \"endpoint\": \"b\"}]",
                        FUNCTIONS + "[1].name", "must be unique"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"accept\": \"json\"}]",
                        FUNCTIONS + "[0].accept", "media type"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"accept\": \"a/"
                        + "b".repeat(300) + "\"}]", FUNCTIONS + "[0].accept", "media type"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"customAttributes\": \"it's\"}]",
                        FUNCTIONS + "[0].customAttributes", "without single quotes"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"targetVariant\": \"a b\"}]",
                        FUNCTIONS + "[0].targetVariant", "production variant"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"inferenceComponent\": \"x_y\"}]",
                        FUNCTIONS + "[0].inferenceComponent", "inference component"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"maxBatchRows\": 0}]",
                        FUNCTIONS + "[0].maxBatchRows", "from 1 to"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"compression\": \"zstd\"}]",
                        FUNCTIONS + "[0].compression", "AUTO, NONE, GZIP, DEFLATE"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"returnType\": \"TABLE\"}]",
                        FUNCTIONS + "[0].returnType", "use VARIANT, OBJECT or VARCHAR"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"returnType\": \"float\"}]",
                        FUNCTIONS + "[0].returnType", "::FLOAT"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"returnType\": \"VARCHAR(10)\"}]",
                        FUNCTIONS + "[0].returnType", "'VARCHAR(10)' is not allowed; use VARIANT, OBJECT or VARCHAR"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"arguments\": [{\"name\": \"x\","
                        + " \"type\": \"NUMBER(38, 0)\"}]}]", FUNCTIONS + "[0].arguments[0].type",
                        "without length or precision (NUMBER)"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"arguments\": [{\"name\": \"x\","
                        + " \"type\": \"int\"}]}]", FUNCTIONS + "[0].arguments[0].type", "write NUMBER"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"arguments\": [{\"name\": \"x\","
                        + " \"type\": \"TABLE\"}]}]", FUNCTIONS + "[0].arguments[0].type", "use one of ARRAY, OBJECT"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"arguments\": [{\"name\": \"x\"}]}]",
                        FUNCTIONS + "[0].arguments[0].type", "is required"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"arguments\": \"ARRAY\"}]",
                        FUNCTIONS + "[0].arguments", "list of {name, type}"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"grantees\": [\"PUBLIC ROLE\"]}]",
                        FUNCTIONS + "[0].grantees[0]", "unquoted Snowflake identifier"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"targetModel\": \""
                        + "m".repeat(1025) + "\"}]", FUNCTIONS + "[0].targetModel", "at most 1024"),
                invalid(FUNCTIONS, "[]", FUNCTIONS, "non-empty list"),
                invalid(FUNCTIONS, "[{name: F", FUNCTIONS, "not valid"),
                invalid(FUNCTIONS, null, FUNCTIONS, "is required"),
                invalid(DATABASE, null, DATABASE, "is required"),
                invalid(SCHEMA, "my schema", SCHEMA, "unquoted Snowflake identifier"),
                invalid(SNOWFLAKE_ORGANIZATION, null, SNOWFLAKE_ORGANIZATION, "organization name"),
                invalid(SNOWFLAKE_ACCOUNT, " ", SNOWFLAKE_ACCOUNT, "account name"),
                invalid(SNOWFLAKE_USER, null, SNOWFLAKE_USER, "is required"),
                invalid(SNOWFLAKE_ROLE, null, SNOWFLAKE_ROLE, "is required"),
                invalid(SNOWFLAKE_PRIVATE_KEY, null, SNOWFLAKE_PRIVATE_KEY, "pulumi config set --secret"),
                invalid(SNOWFLAKE_PASSWORD, "hunter2", SNOWFLAKE_PASSWORD, "passwords are not used"),
                invalid(LAMBDA_MEMORY_MB, "64", LAMBDA_MEMORY_MB, "below 640 MB, the smallest size measured"),
                invalid(LAMBDA_MEMORY_MB, "512", LAMBDA_MEMORY_MB, "docs/lambda-memory.md"),
                invalid(LAMBDA_MEMORY_MB, "10241", LAMBDA_MEMORY_MB, "from 640 to 10240"),
                invalid(LAMBDA_MEMORY_MB, "lots", LAMBDA_MEMORY_MB, "whole number"),
                invalid(LAMBDA_ARCHITECTURE, "arm", LAMBDA_ARCHITECTURE, "arm64, x86_64"),
                invalid(LAMBDA_TIMEOUT_SECONDS, "901", LAMBDA_TIMEOUT_SECONDS, "from 1 to 900"),
                // The deadline is below the integration timeout, which the Lambda timeout must exceed: one root cause.
                invalid(LAMBDA_TIMEOUT_SECONDS, "20", LAMBDA_TIMEOUT_SECONDS,
                        "20 s does not exceed " + INTEGRATION_TIMEOUT_SECONDS),
                invalid(DEADLINE_MILLIS, "29000", DEADLINE_MILLIS, "from 1000 to 28999"),
                invalid(MAX_REQUEST_BYTES, "6291457", MAX_REQUEST_BYTES, "from 1024 to 6291456"),
                invalid(MAX_ROWS_PER_REQUEST, "-1", MAX_ROWS_PER_REQUEST, "from 0 to"),
                invalid(MAX_CONCURRENT_REQUESTS, "65", MAX_CONCURRENT_REQUESTS, "from 1 to 64"),
                invalid(MAX_CONCURRENT_REQUESTS, "0", MAX_CONCURRENT_REQUESTS, "from 1 to 64"),
                invalid(DEFAULT_ENDPOINT, "other-endpoint", DEFAULT_ENDPOINT, "use one of my-endpoint"),
                invalid(LOG_RETENTION_DAYS, "10", LOG_RETENTION_DAYS, "[1, 3, 5, 7, 14, 30"),
                invalid(ENDPOINT_TYPE, "EDGE", ENDPOINT_TYPE, "REGIONAL, PRIVATE"),
                invalid(ENDPOINT_TYPE, "PRIVATE", SNOWFLAKE_VPC_IDS,
                        "needs at least one VPC id when " + ENDPOINT_TYPE + " is PRIVATE"),
                invalid(SNOWFLAKE_VPC_IDS, "[\"vpc-0123456789abcdef0\"]", SNOWFLAKE_VPC_IDS, "only used when"),
                invalid(SNOWFLAKE_VPC_IDS, "[\"my-vpc\"]", SNOWFLAKE_VPC_IDS + "[0]", "vpc-0123456789abcdef0"),
                invalid(SNOWFLAKE_VPC_IDS, "{\"id\": \"vpc-0123456789abcdef0\"}", SNOWFLAKE_VPC_IDS, "not a list"),
                invalid(SNOWFLAKE_VPC_IDS, "[1]", SNOWFLAKE_VPC_IDS, "not a string"),
                invalid(DISCOVER_SNOWFLAKE_VPC_IDS, "true", DISCOVER_SNOWFLAKE_VPC_IDS, "only used when"),
                invalid(INTEGRATION_TIMEOUT_SECONDS, "301", INTEGRATION_TIMEOUT_SECONDS, "from 1 to 300"),
                invalid(INTEGRATION_TIMEOUT_SECONDS, "0", INTEGRATION_TIMEOUT_SECONDS, "from 1 to 300"),
                invalid(INTEGRATION_TIMEOUT_SECONDS, "30", LAMBDA_TIMEOUT_SECONDS,
                        "30 s does not exceed " + INTEGRATION_TIMEOUT_SECONDS + " (30 s)"),
                invalid(DEADLINE_MILLIS, "29000", DEADLINE_MILLIS, "from 1000 to 28999"),
                invalid("sqlscore:lambdaMemory", "2048", "sqlscore:lambdaMemory",
                        "did you mean sqlscore:lambdaMemoryMb?"),
                invalid("sqlscore:deadlineMilis", "20000", "sqlscore:deadlineMilis",
                        "did you mean sqlscore:deadlineMillis?"),
                invalid(SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0", SNOWFLAKE_VPC_ID, "only used when"),
                invalid(SNOWFLAKE_VPC_ID, "my-vpc", SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0"),
                invalid(ACCESS_LOGGING, "on", ACCESS_LOGGING, "existing-account-role, manage-account-role, off"),
                invalid(IAM_PROPAGATION_SECONDS, "301", IAM_PROPAGATION_SECONDS, "from 0 to 300"),
                invalid(StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "yes",
                        StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "use true or false"),
                invalid(StackConfigReader.ALARMS, "sometimes", StackConfigReader.ALARMS, "use true or false"),
                invalid(StackConfigReader.ALARM_TOPIC_ARN, "ml-alerts", StackConfigReader.ALARM_TOPIC_ARN,
                        "an SNS topic ARN like arn:aws:sns:"),
                invalid(StackConfigReader.RESERVED_CONCURRENCY, "0", StackConfigReader.RESERVED_CONCURRENCY,
                        "from 1 to 10000"),
                invalid(StackConfigReader.RESERVED_CONCURRENCY, "lots", StackConfigReader.RESERVED_CONCURRENCY,
                        "whole number"),
                invalid(StackConfigReader.TRACING, "on", StackConfigReader.TRACING, "use true or false"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"contextHeaders\": [\"statement\"]}]",
                        FUNCTIONS + "[0].contextHeaders[0]", "use user, role, account, warehouse"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"contextHeaders\": \"user\"}]",
                        FUNCTIONS + "[0].contextHeaders", "must be a list"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"batch\"}]",
                        FUNCTIONS + "[0].mode", "use one of sync, async"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\"}]",
                        FUNCTIONS + "[0].outputPath", "s3://bucket/prefix"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\", "
                        + "\"outputPath\": \"s3://My_Bucket/out\"}]", FUNCTIONS + "[0].outputPath", "S3OutputPath"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\", "
                        + "\"outputPath\": \"s3://out-bucket/o\", \"failurePath\": \"https://x\"}]",
                        FUNCTIONS + "[0].failurePath", "S3FailurePath"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\", "
                        + "\"outputPath\": \"s3://out-bucket/o\", \"invocationTimeoutSeconds\": 3601}]",
                        FUNCTIONS + "[0].invocationTimeoutSeconds", "from 1 to 3600"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\", "
                        + "\"outputPath\": \"s3://out-bucket/o\", \"requestTtlSeconds\": 30}]",
                        FUNCTIONS + "[0].requestTtlSeconds", "from 60 to 21600"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"mode\": \"async\", "
                        + "\"outputPath\": \"s3://out-bucket/o\", \"endpointRoleArn\": \"my-role\"}]",
                        FUNCTIONS + "[0].endpointRoleArn", "arn:aws:iam::123456789012:role/name"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"outputPath\": \"s3://out-bucket/o\"}]",
                        FUNCTIONS + "[0].outputPath", "only for asynchronous functions: add mode: async"),
                invalid(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\"}, {\"name\": \"G\", \"endpoint\": \"e\", "
                        + "\"mode\": \"async\", \"outputPath\": \"s3://out-bucket/o\"}]", FUNCTIONS + "[1].mode",
                        "an endpoint is one or the other"),
                invalid(StackConfigReader.ASYNC_STATE_DAYS, "0", StackConfigReader.ASYNC_STATE_DAYS, "from 1 to 365"));
    }

    private static Arguments invalid(String key, String value, String reportedKey, String allowed) {
        return Arguments.of(key, value, reportedKey, allowed);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void invalidValueStopsWithItsKeyAndWhatIsAllowed(String key, String value, String reportedKey, String allowed) {
        Map<String, String> config = minimal();
        if (value == null) {
            config.remove(key);
        } else {
            config.put(key, value);
        }

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(config));

        assertEquals(1, e.problems().size(), () -> "expected exactly one problem: " + e.problems());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith(reportedKey + ": "), problem);
        assertTrue(problem.contains(allowed), problem);
        assertTrue(e.getMessage().contains(problem));
    }

    @Test
    void allProblemsAreReportedTogether() {
        Map<String, String> config = minimal();
        config.remove(SNOWFLAKE_USER);
        config.put(LAMBDA_ARCHITECTURE, "sparc");
        config.put(FUNCTIONS, "[{\"name\": \"F\", \"endpoint\": \"e\", \"contentType\": \"text/xml\"}]");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(config));

        assertEquals(List.of(SNOWFLAKE_USER, FUNCTIONS + "[0].contentType", LAMBDA_ARCHITECTURE),
                e.problems().stream().map(p -> p.substring(0, p.indexOf(": "))).toList());
    }

    @Test
    void anAsyncFunctionCarriesItsEndpointsOutputConfigurationIntoItsHeaders() {
        Map<String, String> config = minimal();
        config.put(FUNCTIONS, """
                [{"name": "churn", "endpoint": "churn-rt"},
                 {"name": "summarize", "endpoint": "summarizer", "mode": "async", "contentType": "application/json",
                  "outputPath": "s3://ml-async/summarizer/out", "failurePath": "s3://ml-async/summarizer/errors/",
                  "invocationTimeoutSeconds": 900, "requestTtlSeconds": 3600,
                  "endpointRoleArn": "arn:aws:iam::123456789012:role/summarizer-execution"}]
                """);
        config.put(StackConfigReader.ASYNC_STATE_DAYS, "3");

        StackSettings settings = read(config);

        FunctionSettings summarize = settings.functions().get(1);
        assertEquals(new AsyncSettings("s3://ml-async/summarizer/out", "s3://ml-async/summarizer/errors/", 900, 3600,
                "arn:aws:iam::123456789012:role/summarizer-execution"), summarize.async());
        assertEquals("async", summarize.headers().get("sagemaker-mode"));
        assertEquals("s3://ml-async/summarizer/out", summarize.headers().get("sagemaker-output-path"));
        assertEquals("900", summarize.headers().get("sagemaker-invocation-timeout-seconds"));
        assertEquals("3600", summarize.headers().get("sagemaker-request-ttl-seconds"));
        assertNull(settings.functions().get(0).async());
        assertFalse(settings.functions().get(0).headers().containsKey("sagemaker-mode"));
        assertEquals(Set.of("churn-rt"), settings.catalog().realTimeEndpointNames());
        assertEquals(Set.of("summarizer"), settings.catalog().asyncEndpointNames());
        assertEquals(3, settings.asyncStateDays());
        assertEquals("ml-async", AsyncSettings.bucketOf(summarize.async().outputPath()));
        assertEquals("summarizer/out/", AsyncSettings.prefixOf(summarize.async().outputPath()));
        assertEquals(1, read(minimal()).asyncStateDays());
        assertFalse(read(minimal()).catalog().hasAsyncFunctions());
    }

    @Test
    void thePrivateKeyStaysOutOfToString() {
        StackSettings settings = read(minimal());

        assertFalse(settings.toString().contains("MIIEsecret"), settings.toString());
        assertFalse(settings.snowflake().toString().contains("MIIEsecret"));
    }
}
