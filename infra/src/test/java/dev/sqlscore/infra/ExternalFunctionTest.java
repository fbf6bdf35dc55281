package dev.sqlscore.infra;

import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ExternalFunctionTest extends StackTest {




    @Test
    void functionUrlIsTheStageUrlPlusTheResourcePath() {
        var run = deploy();

        for (var function : run.cloud.ofType(EXTERNAL_FUNCTION)) {
            assertEquals(STAGE_URL + "/score", function.inputs.get("urlOfProxyAndResource"));
            assertEquals("SQLSCORE_DEV", function.inputs.get("apiIntegration"));
        }
        assertEquals(2, run.cloud.ofType(EXTERNAL_FUNCTION).size());
    }

    @Test
    void defaultFunctionTakesOneArrayAndReturnsVariantWithOnlyTheHeadersThatAreSet() {
        var run = deploy();

        Map<String, Object> function = run.inputs(EXTERNAL_FUNCTION, "sqlscore-sagemaker_invoke");
        assertEquals("ANALYTICS", function.get("database"));
        assertEquals("ML", function.get("schema"));
        assertEquals("SAGEMAKER_INVOKE", function.get("name"));
        assertEquals(List.of(Map.of("name", "FEATURES", "type", "ARRAY")), function.get("args"));
        assertEquals("VARIANT", function.get("returnType"));
        assertEquals("VOLATILE", function.get("returnBehavior"));
        assertEquals(10000.0, function.get("maxBatchRows"));
        assertEquals("AUTO", function.get("compression"));
        assertEquals(List.of("CURRENT_USER", "CURRENT_ROLE"), function.get("contextHeaders"),
                "the audit log's user and role, by default");
        assertEquals(Map.of("sagemaker-endpoint-name", "Churn-XGBoost", "sagemaker-content-type", "text/csv",
                "sagemaker-accept", "application/json"), headers(function));
    }

    @Test
    void everySageMakerSettingTravelsAsAHeader() {
        var run = deploy();

        Map<String, Object> function = run.inputs(EXTERNAL_FUNCTION, "sqlscore-sentiment");
        assertEquals(Map.of("sagemaker-endpoint-name", "sentiment-llm",
                "sagemaker-content-type", "application/json",
                "sagemaker-target-variant", "blue",
                "sagemaker-inference-component", "sentiment-ic",
                "sagemaker-custom-attributes", "trace=1"), headers(function));
        assertEquals(List.of(Map.of("name", "REVIEW", "type", "VARCHAR")), function.get("args"));
        assertEquals("OBJECT", function.get("returnType"));
        assertFalse(function.containsKey("maxBatchRows"), "unset MAX_BATCH_ROWS is left to Snowflake");
    }

    @Test
    void grantsUsageToEachConfiguredRoleOnTheFunctionsSignature() {
        var run = deploy();

        assertEquals(2, run.cloud.ofType(GRANT).size(), "the second function has no grantees");
        for (String role : List.of("ANALYST", "DATA_SCIENTIST")) {
            Map<String, Object> grant = run.inputs(GRANT, "sqlscore-sagemaker_invoke-usage-" + role.toLowerCase());
            assertEquals(role, grant.get("accountRoleName"));
            assertEquals(List.of("USAGE"), grant.get("privileges"));
            assertEquals(Map.of("objectType", "FUNCTION",
                    "objectName", "\"ANALYTICS\".\"ML\".\"SAGEMAKER_INVOKE\"(ARRAY)"), grant.get("onSchemaObject"));
        }
    }

    /** A grant names the function as the provider does; a hand-built name would miss the argument types' form. */
    @Test
    void grantNamesTheFunctionByItsFullyQualifiedNameOutput() {
        var cloud = new FakeCloud() {
            @Override
            protected String functionIdentifier(Map<String, Object> inputs) {
                return "\"PROVIDER\".\"SAYS\".\"" + inputs.get("name") + "\"(ARRAY)";
            }
        };
        var run = StackRun.run(TestSettings.settings(), artifact(), cloud, false).assertSucceeded();

        Map<String, Object> grant = run.inputs(GRANT, "sqlscore-sagemaker_invoke-usage-analyst");
        assertEquals(Map.of("objectType", "FUNCTION",
                        "objectName", "\"PROVIDER\".\"SAYS\".\"SAGEMAKER_INVOKE\"(ARRAY)"),
                grant.get("onSchemaObject"));
    }

    @Test
    void databaseAndSchemaUsageAreGrantedOnlyWhenAskedForOncePerRole() {
        assertEquals(2, deploy().cloud.ofType(GRANT).size());

        var run = deploy(TestSettings.with(StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "true"));

        assertEquals(6, run.cloud.ofType(GRANT).size(), "2 function grants, database and schema for 2 roles");
        for (String role : List.of("ANALYST", "DATA_SCIENTIST")) {
            Map<String, Object> database = run.inputs(GRANT, "sqlscore-database-usage-" + role.toLowerCase());
            assertEquals(role, database.get("accountRoleName"));
            assertEquals(List.of("USAGE"), database.get("privileges"));
            assertEquals(Map.of("objectType", "DATABASE", "objectName", "\"ANALYTICS\""),
                    database.get("onAccountObject"));
            Map<String, Object> schema = run.inputs(GRANT, "sqlscore-schema-usage-" + role.toLowerCase());
            assertEquals(List.of("USAGE"), schema.get("privileges"));
            assertEquals(Map.of("schemaName", "\"ANALYTICS\".\"ML\""), schema.get("onSchema"));
        }
    }

    @Test
    void stackOutputsNameEverythingASqlUserNeeds() {
        var run = deploy();

        assertEquals(STAGE_URL, PulumiTest.extractValue(run.component.invokeUrl()));
        assertEquals("SQLSCORE_DEV", PulumiTest.extractValue(run.component.integrationName()));
        assertEquals("arn:aws:iam::" + FakeCloud.ACCOUNT + ":role/sqlscore-dev-snowflake",
                PulumiTest.extractValue(run.component.roleArn()));
        assertEquals(Map.of("SAGEMAKER_INVOKE", "\"ANALYTICS\".\"ML\".\"SAGEMAKER_INVOKE\"(ARRAY)",
                "SENTIMENT", "\"ANALYTICS\".\"ML\".\"SENTIMENT\"(VARCHAR)"),
                PulumiTest.extractValue(run.component.functionNames()));
        assertEquals(Map.of(
                "SAGEMAKER_INVOKE", "select ANALYTICS.ML.SAGEMAKER_INVOKE("
                        + "ARRAY_CONSTRUCT(-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0));",
                "SENTIMENT", "select ANALYTICS.ML.SENTIMENT('text');"),
                PulumiTest.extractValue(run.component.sampleSql()));
    }

    private static Map<Object, Object> headers(Map<String, Object> function) {
        return ((List<?>) function.get("headers")).stream().map(Map.class::cast)
                .collect(Collectors.toMap(header -> header.get("name"), header -> header.get("value")));
    }
}
