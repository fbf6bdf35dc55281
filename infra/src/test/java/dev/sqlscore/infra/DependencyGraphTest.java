package dev.sqlscore.infra;

import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.infra.config.StackConfigReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

    private static final String API = REST_API + " sqlscore-api";
    private static final String API_INTEGRATION = INTEGRATION + " sqlscore-api-integration";
    private static final String SNOWFLAKE_ROLE = ROLE + " sqlscore-snowflake-role";
    private static final String API_POLICY = "aws:apigateway/restApiPolicy:RestApiPolicy sqlscore-api-policy";
    private static final String DEPLOYMENT = "aws:apigateway/deployment:Deployment sqlscore-deployment";
    private static final String API_STAGE = STAGE + " sqlscore-stage";

    /** API -> integration -> role -> resource policy -> deployment -> stage -> functions, each waiting on the last. */
    @Test
    void createsTheApiThenTheIntegrationThenTheRoleThenItsPolicyThenTheStageThenTheFunctions() {
        var graph = deploy().graph();

        List<String> order = List.of(API, API_INTEGRATION, SNOWFLAKE_ROLE, API_POLICY, DEPLOYMENT, API_STAGE,
                EXTERNAL_FUNCTION + " sqlscore-sagemaker_invoke");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(graph.createdBefore(order.get(i)).contains(order.get(i - 1)),
                    order.get(i) + " must wait for " + order.get(i - 1) + "; waits for "
                            + graph.createdBefore(order.get(i)));
        }
        assertEquals(Set.of(API), graph.createdBefore(API_INTEGRATION),
                "the integration needs only the REST API's id, never the stage, policy or role");
    }

    /** IAM and API Gateway refuse a policy naming a principal that does not exist: the role must come first. */
    @Test
    void everythingThatNamesTheSnowflakeSessionWaitsForTheRole() {
        var run = deploy();
        var graph = run.graph();

        var naming = run.cloud.registered().stream()
                .filter(r -> String.valueOf(r.inputs).contains("assumed-role/sqlscore-dev-snowflake/snowflake"))
                .map(r -> r.type + " " + r.name).toList();
        assertEquals(List.of(API_POLICY), naming);
        assertTrue(graph.createdBefore(API_POLICY).contains(SNOWFLAKE_ROLE), () -> graph.createdBefore(API_POLICY)
                .toString());
    }

    /** The graph model itself: implicit edges through outputs, nested input types included. */
    @Test
    void graphSeesDependenciesThroughOutputsAndNestedInputs() {
        var graph = deploy().graph();

        assertTrue(graph.directDependencies(GRANT + " sqlscore-sagemaker_invoke-usage-analyst")
                .contains(EXTERNAL_FUNCTION + " sqlscore-sagemaker_invoke"));
        assertTrue(graph.directDependencies(SNOWFLAKE_ROLE).contains(API_INTEGRATION), "trust policy from outputs");
        assertFalse(graph.createdBefore(API).contains(SNOWFLAKE_ROLE));
    }

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
            assertEquals("2.17.0", options.getVersion().orElseThrow(), entry.getKey());
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
