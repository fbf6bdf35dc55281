package dev.sqlscore.infra;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.EndpointType;
import dev.sqlscore.infra.config.FunctionArgument;
import dev.sqlscore.infra.config.FunctionSettings;
import dev.sqlscore.infra.config.LambdaSettings;
import dev.sqlscore.infra.config.ScoringSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another Pulumi program's use of the component: its arguments set from code, with no stack configuration and none
 * of this stack's config reader, the key an output of the caller's own (here a plain one the component makes secret).
 */
class ComponentFromCodeTest {

    private static final String EXTERNAL_FUNCTION = "snowflake:index/externalFunction:ExternalFunction";
    private static final String PROVIDER = "pulumi:providers:snowflake";

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private SnowflakeSageMakerFunctionsArgs.Builder fromCode() {
        var churn = new FunctionSettings("CHURN_SCORE", "churn-xgb", "text/csv", "text/csv", null, null, null, null,
                500, "AUTO", List.of(new FunctionArgument("FEATURES", "ARRAY")), "VARIANT", List.of("ANALYST"),
                List.of(), null, null);
        return SnowflakeSageMakerFunctionsArgs.builder()
                .functions(List.of(churn))
                .database("SALES")
                .schema("SCORING")
                .snowflake(new SnowflakeAccount("MYORG", "MYACCOUNT", "DEPLOYER", "SYSADMIN", null))
                .snowflakePrivateKey(Output.of("-----BEGIN PRIVATE KEY-----\nfrom-another-resource\n"))
                .lambda(new LambdaSettings(1024, "arm64", 30))
                .scoring(new ScoringSettings(4_000_000, 0, 8, 25_000, null))
                .handlerArtifact(TestSettings.artifact(dir))
                .propagationDelay(delay -> CompletableFuture.completedFuture(null));
    }

    @Test
    void aProgramBuildsTheComponentFromCodeAlone() {
        var cloud = new FakeCloud();
        var args = fromCode().build();
        TestResult result = PulumiTest.withMocks(cloud)
                .withOptions(TestOptions.builder().projectName("another-program").stackName("prod").build())
                .runTest(ctx -> new SnowflakeSageMakerFunctions("scores", args));

        assertTrue(result.exceptions().isEmpty(), () -> "exceptions: " + result.exceptions());
        assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
        Map<String, Object> function = cloud.inputs(EXTERNAL_FUNCTION, "scores-churn_score");
        assertEquals("SALES", function.get("database"));
        assertEquals("SCORING", function.get("schema"));
        assertEquals("500", String.valueOf(function.get("maxBatchRows")).replace(".0", ""));
        Map<String, Object> provider = cloud.inputs(PROVIDER, "scores-snowflake");
        assertEquals("MYORG", provider.get("organizationName"));
        assertTrue(String.valueOf(provider.get("privateKey")).contains("from-another-resource"), provider::toString);
        assertEquals(1, cloud.ofType("aws:lambda/function:Function").size());
        assertEquals(List.of(), cloud.ofType("aws:s3/bucketV2:BucketV2"), "no async function, no state bucket");
    }

    @Test
    void requiredArgumentsAreNamedWhenMissing() {
        var noFunctions = assertThrows(IllegalArgumentException.class, () -> fromCode().functions(List.of()).build());
        assertTrue(noFunctions.getMessage().startsWith("functions:"), noFunctions.getMessage());
        var noKey = assertThrows(NullPointerException.class, () -> fromCode().snowflakePrivateKey(null).build());
        assertEquals("snowflakePrivateKey", noKey.getMessage());
        var noVpc = assertThrows(IllegalArgumentException.class,
                () -> fromCode().endpointType(EndpointType.PRIVATE).build());
        assertTrue(noVpc.getMessage().startsWith("snowflakeVpcIds:"), noVpc.getMessage());
    }
}
