package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaWiringTest extends StackTest {

    private static final String ALIAS = "aws:lambda/alias:Alias";
    private static final String PERMISSION = "aws:lambda/permission:Permission";
    private static final ObjectMapper JSON = new ObjectMapper();



    @Test
    void publishesSnapStartVersionsBehindAnAliasThatApiGatewayInvokes() {
        var run = deploy();

        Map<String, Object> function = run.inputs(LAMBDA, "sqlscore-handler");
        assertEquals(true, function.get("publish"));
        assertEquals(Map.of("applyOn", "PublishedVersions"), function.get("snapStart"));
        Map<String, Object> alias = run.inputs(ALIAS, "sqlscore-live");
        assertEquals("sqlscore-handler" + FakeCloud.AUTONAME_SUFFIX, alias.get("functionName"));
        assertEquals("7", alias.get("functionVersion"), "the alias points at the published version, not $LATEST");

        String aliasArn = "arn:aws:lambda:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT
                + ":function:sqlscore-handler" + FakeCloud.AUTONAME_SUFFIX + ":live";
        assertEquals("arn:aws:apigateway:" + FakeCloud.REGION + ":lambda:path/2015-03-31/functions/" + aliasArn
                + "/invocations", run.inputs("aws:apigateway/integration:Integration", "sqlscore-lambda-integration")
                .get("uri"));
    }

    @Test
    void invokePermissionIsScopedToThisApisMethodAndTheAlias() {
        var run = deploy();

        Map<String, Object> permission = run.inputs(PERMISSION, "sqlscore-invoke-permission");
        assertEquals("lambda:InvokeFunction", permission.get("action"));
        assertEquals("apigateway.amazonaws.com", permission.get("principal"));
        assertEquals("sqlscore-handler" + FakeCloud.AUTONAME_SUFFIX, permission.get("function"));
        assertEquals("live", permission.get("qualifier"));
        assertEquals(METHOD_ARN, permission.get("sourceArn"));
    }

    @Test
    void runsTheConfiguredJava21HandlerWithTheEnvironmentItReads() {
        var settings = TestSettings.with(StackConfigReader.LAMBDA_MEMORY_MB, "2048",
                StackConfigReader.LAMBDA_ARCHITECTURE, "x86_64", StackConfigReader.LAMBDA_TIMEOUT_SECONDS, "40",
                StackConfigReader.DEADLINE_MILLIS, "28000", StackConfigReader.MAX_CONCURRENT_REQUESTS, "16",
                StackConfigReader.DEFAULT_ENDPOINT, "sentiment-llm");
        var run = deploy(settings);

        Map<String, Object> function = run.inputs(LAMBDA, "sqlscore-handler");
        assertEquals("java21", function.get("runtime"));
        assertEquals("dev.sqlscore.lambda.ExternalFunctionHandler::handleRequest", function.get("handler"));
        assertEquals(List.of("x86_64"), function.get("architectures"));
        assertEquals(2048.0, function.get("memorySize"));
        assertEquals(40.0, function.get("timeout"));
        assertEquals(Map.of("variables", Map.of(
                "SQLSCORE_ALLOWED_ENDPOINTS", "Churn-XGBoost,sentiment-llm",
                "SQLSCORE_DEFAULT_ENDPOINT", "sentiment-llm",
                "SQLSCORE_MAX_REQUEST_BYTES", "4000000",
                "SQLSCORE_METRICS_NAMESPACE", "sqlscore/dev",
                "SQLSCORE_MAX_ROWS_PER_REQUEST", "0",
                "SQLSCORE_MAX_CONCURRENT_REQUESTS", "16",
                "SQLSCORE_DEADLINE_MILLIS", "28000")), function.get("environment"));
        assertInstanceOf(Map.class, function.get("loggingConfig"));
        assertEquals("/sqlscore/dev/sqlscore/lambda", ((Map<?, ?>) function.get("loggingConfig")).get("logGroup"));
    }

    @Test
    void defaultsToArm64AndLeavesTheDefaultEndpointUnset() {
        var run = deploy();

        Map<String, Object> function = run.inputs(LAMBDA, "sqlscore-handler");
        assertEquals(List.of("arm64"), function.get("architectures"));
        assertEquals(1024.0, function.get("memorySize"));
        Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) function.get("environment")).get("variables");
        assertTrue(!variables.containsKey("SQLSCORE_DEFAULT_ENDPOINT"));
        assertEquals("25000", variables.get("SQLSCORE_DEADLINE_MILLIS"));
        assertEquals(30.0, run.inputs("aws:cloudwatch/logGroup:LogGroup", "sqlscore-lambda-logs")
                .get("retentionInDays"));
    }

    @Test
    void executionRoleMayInvokeOnlyTheConfiguredEndpoints() throws Exception {
        var run = deploy();

        JsonNode statement = run.statement(ROLE_POLICY, "sqlscore-lambda-sagemaker", "policy");
        assertEquals(List.of("sagemaker:InvokeEndpoint"), JSON.convertValue(statement.get("Action"), List.class));
        String prefix = "arn:aws:sagemaker:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT + ":endpoint/";
        assertEquals(List.of(prefix + "churn-xgboost", prefix + "sentiment-llm"),
                JSON.convertValue(statement.get("Resource"), List.class), "SageMaker ARNs are lower case");
        JsonNode trust = run.statement(ROLE, "sqlscore-lambda-role", "assumeRolePolicy").get("Principal");
        assertEquals(JSON.readTree("{\"Service\": \"lambda.amazonaws.com\"}"), trust);
    }

    @Test
    void missingArtifactFailsWithTheBuildCommand() {
        var run = StackRun.run(TestSettings.settings(), dir.resolve("handler.jar"));

        String failures = run.result.exceptions() + " " + run.result.errors();
        assertTrue(run.result.exitCode() != 0, "a missing jar must fail the program");
        assertTrue(failures.contains("./mvnw -B package -DskipTests") && failures.contains("repository root"),
                failures);
        assertTrue(run.cloud.ofType(LAMBDA).isEmpty());
    }
}
