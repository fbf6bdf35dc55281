package dev.sqlscore.infra;

import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.snowflake.SnowflakePackage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pulumi destroy} deletes a resource before anything it depends on, so these edges are the teardown order:
 * grants, then functions, then the role, its policy, the permission and the stage, and only then the integration
 * and the AWS side. (The role also depends on the integration through its trust policy's inputs.)
 */
class DependencyGraphTest extends StackTest {




    @Test
    void functionsWaitForTrustPermissionAndStageAndAreRemovedBeforeThem() {
        var run = deploy();

        for (String function : List.of("sqlscore-sagemaker_invoke", "sqlscore-sentiment")) {
            assertEquals(Set.of("aws:iam/role:Role sqlscore-snowflake-role",
                            "aws:iam/rolePolicy:RolePolicy sqlscore-snowflake-invoke",
                            "aws:lambda/permission:Permission sqlscore-invoke-permission",
                            "aws:apigateway/stage:Stage sqlscore-stage"),
                    dependsOn(run.options(EXTERNAL_FUNCTION, function)));
        }
    }

    @Test
    void grantsFollowTheirFunction() {
        var run = deploy();

        assertEquals(Set.of(EXTERNAL_FUNCTION + " sqlscore-sagemaker_invoke"), dependsOn(run.options(
                "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole",
                "sqlscore-sagemaker_invoke-usage-analyst")));
    }

    @Test
    void deploymentFollowsMethodIntegrationAndPolicyAndStageFollowsTheAccountSetting() {
        var settings = TestSettings.with(StackConfigReader.ACCESS_LOGGING, "manage-account-role");
        var run = deploy(settings);

        assertEquals(Set.of("aws:apigateway/method:Method sqlscore-method",
                        "aws:apigateway/integration:Integration sqlscore-lambda-integration",
                        "aws:apigateway/restApiPolicy:RestApiPolicy sqlscore-api-policy"),
                dependsOn(run.options("aws:apigateway/deployment:Deployment", "sqlscore-deployment")));
        assertEquals(Set.of("aws:apigateway/account:Account sqlscore-apigateway-account"),
                dependsOn(run.options("aws:apigateway/stage:Stage", "sqlscore-stage")));
        for (String accountWide : List.of("aws:apigateway/account:Account sqlscore-apigateway-account",
                "aws:iam/role:Role sqlscore-apigateway-cloudwatch",
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment sqlscore-apigateway-cloudwatch")) {
            assertTrue(run.options.get(accountWide).isRetainOnDelete(), accountWide + " must outlive the stack");
        }
        assertFalse(run.options(ROLE, "sqlscore-snowflake-role").isRetainOnDelete());
        assertEquals(Set.of("aws:iam/rolePolicy:RolePolicy sqlscore-lambda-sagemaker",
                        "aws:iam/rolePolicy:RolePolicy sqlscore-lambda-logging"),
                dependsOn(run.options("aws:lambda/function:Function", "sqlscore-handler")));
    }

    @Test
    void snowflakeResourcesUseTheExplicitProviderPinnedTo2170WithPreviewFeatures() {
        var run = deploy();

        var snowflake = run.options.entrySet().stream().filter(e -> e.getKey().startsWith("snowflake:")).toList();
        assertEquals(5, snowflake.size(), "integration, two functions, two grants");
        for (var entry : snowflake) {
            ResourceOptions options = entry.getValue();
            assertEquals("sqlscore-snowflake", options.getProvider().orElseThrow().pulumiResourceName(),
                    entry.getKey());
            assertEquals(SnowflakePackage.VERSION, options.getVersion().orElseThrow(), entry.getKey());
        }
        Map<String, Object> provider = run.inputs("pulumi:providers:snowflake", "sqlscore-snowflake");
        String previewFeatures = String.valueOf(provider.get("previewFeaturesEnabled"));
        assertTrue(previewFeatures.contains("snowflake_api_integration_resource"), previewFeatures);
        assertTrue(previewFeatures.contains("snowflake_external_function_resource"), previewFeatures);
        assertEquals("SNOWFLAKE_JWT", provider.get("authenticator"));
        assertEquals("MYORG", provider.get("organizationName"));
        assertEquals("MYACCOUNT", provider.get("accountName"));
    }

    @Test
    void everyResourceIsAChildOfTheComponent() {
        var run = deploy();

        var children = run.options.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(SnowflakeSageMakerFunctions.TYPE))
                .filter(e -> !e.getKey().startsWith("pulumi:pulumi:Stack")).toList();
        assertTrue(children.size() >= 20, "found " + children.size());
        for (var entry : children) {
            var parent = entry.getValue().getParent().orElseThrow(() -> new AssertionError(entry.getKey()));
            assertSame(run.component, parent, entry.getKey());
        }
    }

    private static Set<String> dependsOn(ResourceOptions options) {
        List<Resource> resources = PulumiTest.extractValue(options.getDependsOn());
        return resources.stream().map(r -> r.pulumiResourceType() + " " + r.pulumiResourceName())
                .collect(Collectors.toSet());
    }
}
