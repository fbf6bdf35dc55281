package dev.sqlscore.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stack with an asynchronous function beside the real-time ones: the state bucket and its protections, the
 * Lambda's S3 and InvokeEndpointAsync rights, the GET route Snowflake polls with, and the function's HEADERS.
 */
class AsyncStackTest extends StackTest {

    static final String FUNCTIONS = """
            [{"name": "churn", "endpoint": "churn-xgboost"},
             {"name": "summarize", "endpoint": "summarizer-async", "mode": "async", "contentType": "application/json",
              "outputPath": "s3://ml-async-out/summarizer/output", "failurePath": "s3://ml-errors/summarizer",
              "invocationTimeoutSeconds": 900, "requestTtlSeconds": 3600,
              "endpointRoleArn": "arn:aws:iam::123456789012:role/summarizer-execution"}]
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERMISSION = "aws:lambda/permission:Permission";
    private static final String BUCKET = "sqlscore-dev-20261201000000000000000001";
    private static final String GET_METHOD_ARN = METHOD_ARN.replace("/POST/", "/GET/");

    static StackSettings asyncSettings(String... more) {
        List<String> keys = new ArrayList<>(List.of(StackConfigReader.FUNCTIONS, FUNCTIONS));
        keys.addAll(List.of(more));
        return TestSettings.with(keys.toArray(String[]::new));
    }

    private static List<JsonNode> statements(Object document) throws Exception {
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree((String) document).get("Statement").forEach(statements::add);
        return statements;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    @Test
    void theStateBucketIsEncryptedPrivateTlsOnlyExpiringAndDestroyedWithTheStack() throws Exception {
        StackRun run = deploy(asyncSettings(StackConfigReader.ASYNC_STATE_DAYS, "3"));

        Map<String, Object> bucket = run.inputs("aws:s3/bucketV2:BucketV2", "sqlscore-async-state");
        assertEquals(true, bucket.get("forceDestroy"));
        assertEquals("sqlscore-dev-", bucket.get("bucketPrefix"));
        assertEquals(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256")),
                ((List<?>) run.inputs("aws:s3/bucketServerSideEncryptionConfigurationV2:"
                        + "BucketServerSideEncryptionConfigurationV2", "sqlscore-async-state-encryption")
                        .get("rules")).get(0));
        Map<String, Object> block = run.inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "sqlscore-async-state-public-access");
        for (String setting : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls",
                "restrictPublicBuckets")) {
            assertEquals(true, block.get(setting), setting);
        }
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) run.inputs(
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "sqlscore-async-state-expiry")
                .get("rules")).get(0);
        assertEquals("Enabled", rule.get("status"));
        assertEquals(3, ((Number) ((Map<?, ?>) rule.get("expiration")).get("days")).intValue());

        List<JsonNode> policy = statements(run.inputs("aws:s3/bucketPolicy:BucketPolicy",
                "sqlscore-async-state-policy").get("policy"));
        JsonNode tls = policy.get(0);
        assertEquals("Deny", tls.get("Effect").asText());
        assertEquals("s3:*", tls.get("Action").asText());
        assertEquals("false", tls.at("/Condition/Bool/aws:SecureTransport").asText());
        assertEquals(List.of("arn:aws:s3:::" + BUCKET, "arn:aws:s3:::" + BUCKET + "/*"), strings(tls.get("Resource")));
        JsonNode reader = policy.get(1);
        assertEquals("Allow", reader.get("Effect").asText());
        assertEquals("arn:aws:iam::123456789012:role/summarizer-execution", reader.at("/Principal/AWS").asText());
        assertEquals("s3:GetObject", reader.get("Action").asText());
        assertEquals("arn:aws:s3:::" + BUCKET + "/batches/*", reader.get("Resource").asText());
        assertEquals(2, policy.size());
        assertTrue(run.graph().createdBefore("aws:s3/bucketPolicy:BucketPolicy sqlscore-async-state-policy")
                .contains("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock sqlscore-async-state-public-access"),
                "the policy is put once public access is blocked");
    }

    @Test
    void theLambdaMayUseOnlyItsStatePrefixReadOnlyTheEndpointsPathsAndQueueOnlyOnTheAsyncEndpoint()
            throws Exception {
        StackRun run = deploy(asyncSettings());

        @SuppressWarnings("unchecked")
        Map<String, String> environment = (Map<String, String>) ((Map<String, Object>) run.inputs(LAMBDA,
                "sqlscore-handler").get("environment")).get("variables");
        assertEquals("s3://" + BUCKET + "/batches/", environment.get(ScoringLambda.ENV_ASYNC_STATE_PATH));

        List<JsonNode> s3 = statements(run.inputs(ROLE_POLICY, "sqlscore-lambda-async-state").get("policy"));
        assertEquals(3, s3.size(), s3.toString());
        assertEquals(List.of("s3:GetObject", "s3:PutObject"), strings(s3.get(0).get("Action")));
        assertEquals(List.of("arn:aws:s3:::" + BUCKET + "/batches/*"), strings(s3.get(0).get("Resource")));
        assertEquals(List.of("s3:GetObject"), strings(s3.get(1).get("Action")));
        assertEquals(List.of("arn:aws:s3:::ml-async-out/summarizer/output/*", "arn:aws:s3:::ml-errors/summarizer/*"),
                strings(s3.get(1).get("Resource")));
        assertEquals(List.of("s3:ListBucket"), strings(s3.get(2).get("Action")));
        assertEquals(List.of("arn:aws:s3:::" + BUCKET, "arn:aws:s3:::ml-async-out", "arn:aws:s3:::ml-errors"),
                strings(s3.get(2).get("Resource")));

        List<JsonNode> sageMaker = statements(run.inputs(ROLE_POLICY, "sqlscore-lambda-sagemaker").get("policy"));
        String endpoint = "arn:aws:sagemaker:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT + ":endpoint/";
        assertEquals(List.of("sagemaker:InvokeEndpoint"), strings(sageMaker.get(0).get("Action")));
        assertEquals(List.of(endpoint + "churn-xgboost"), strings(sageMaker.get(0).get("Resource")));
        assertEquals(List.of("sagemaker:InvokeEndpointAsync"), strings(sageMaker.get(1).get("Action")));
        assertEquals(List.of(endpoint + "summarizer-async"), strings(sageMaker.get(1).get("Resource")));
        assertTrue(run.graph().createdBefore(LAMBDA + " sqlscore-handler")
                .contains(ROLE_POLICY + " sqlscore-lambda-async-state"), "the function starts with its S3 rights");
    }

    @Test
    void snowflakesPollIsRoutedByGetToTheSameAliasUnderTheSamePolicies() throws Exception {
        StackRun run = deploy(asyncSettings());

        Map<String, Object> get = run.inputs("aws:apigateway/method:Method", "sqlscore-method-get");
        assertEquals("GET", get.get("httpMethod"));
        assertEquals("AWS_IAM", get.get("authorization"));
        Map<String, Object> integration = run.inputs("aws:apigateway/integration:Integration",
                "sqlscore-lambda-integration-get");
        assertEquals("AWS_PROXY", integration.get("type"));
        assertEquals("POST", integration.get("integrationHttpMethod"));
        assertEquals(run.inputs("aws:apigateway/integration:Integration", "sqlscore-lambda-integration").get("uri"),
                integration.get("uri"));
        Map<String, Object> permission = run.inputs(PERMISSION, "sqlscore-invoke-permission-get");
        assertEquals(GET_METHOD_ARN, permission.get("sourceArn"));
        assertEquals("live", permission.get("qualifier"));

        JsonNode api = run.statement("aws:apigateway/restApiPolicy:RestApiPolicy", "sqlscore-api-policy", "policy");
        assertEquals(List.of(METHOD_ARN, GET_METHOD_ARN), strings(api.get("Resource")));
        JsonNode snowflakeRole = run.statement(ROLE_POLICY, "sqlscore-snowflake-invoke", "policy");
        assertEquals(List.of(METHOD_ARN, GET_METHOD_ARN), strings(snowflakeRole.get("Resource")));
        var before = run.graph().createdBefore("aws:apigateway/deployment:Deployment sqlscore-deployment");
        assertTrue(before.contains("aws:apigateway/method:Method sqlscore-method-get")
                && before.contains("aws:apigateway/integration:Integration sqlscore-lambda-integration-get"), before
                .toString());
        for (String function : List.of("SUMMARIZE", "CHURN")) {
            var functionBefore = run.graph().createdBefore(EXTERNAL_FUNCTION + " sqlscore-" + function.toLowerCase());
            assertTrue(functionBefore.contains(PERMISSION + " sqlscore-invoke-permission-get"), functionBefore
                    .toString());
        }
    }

    @Test
    void theAsyncFunctionsHeadersCarryItsEndpointsOutputConfiguration() {
        StackRun run = deploy(asyncSettings());

        Map<String, Object> function = run.cloud.ofType(EXTERNAL_FUNCTION).stream()
                .filter(f -> "SUMMARIZE".equals(f.inputs.get("name"))).findFirst().orElseThrow().inputs;
        List<Map<String, String>> headers = new ArrayList<>();
        for (Object header : (List<?>) function.get("headers")) {
            @SuppressWarnings("unchecked")
            Map<String, String> entry = (Map<String, String>) header;
            headers.add(entry);
        }
        assertTrue(headers.contains(Map.of("name", "sagemaker-mode", "value", "async")), headers.toString());
        assertTrue(headers.contains(Map.of("name", "sagemaker-output-path", "value",
                "s3://ml-async-out/summarizer/output")), headers.toString());
        assertTrue(headers.contains(Map.of("name", "sagemaker-failure-path", "value", "s3://ml-errors/summarizer")),
                headers.toString());
        assertTrue(headers.contains(Map.of("name", "sagemaker-invocation-timeout-seconds", "value", "900")),
                headers.toString());
    }

    @Test
    void aStackWithoutAsyncFunctionsHasNoBucketNoGetRouteAndNoS3Rights() {
        StackRun run = deploy();

        for (String type : List.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucketPolicy:BucketPolicy")) {
            assertTrue(run.cloud.ofType(type).isEmpty(), type);
        }
        List<Mocks.ResourceArgs> methods = run.cloud.ofType("aws:apigateway/method:Method");
        assertEquals(List.of("POST"), methods.stream().map(m -> m.inputs.get("httpMethod")).toList());
        assertFalse(run.cloud.ofType(ROLE_POLICY).stream().anyMatch(p -> ((String) p.inputs.get("policy"))
                .contains("s3:")));
        assertFalse(run.cloud.ofType(ROLE_POLICY).stream().anyMatch(p -> ((String) p.inputs.get("policy"))
                .contains("InvokeEndpointAsync")));
    }
}
