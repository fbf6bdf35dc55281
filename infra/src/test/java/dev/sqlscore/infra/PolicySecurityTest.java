package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicySecurityTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_POLICY = "aws:apigateway/restApiPolicy:RestApiPolicy";



    @Test
    void noPolicyAnywhereHasAWildcardPrincipalOrActionAndOnlyLogStreamsAndObjectPrefixesHaveWildcardResources()
            throws Exception {
        var privateApi = TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0",
                StackConfigReader.ACCESS_LOGGING, "manage-account-role");
        for (var settings : List.of(TestSettings.settings(), privateApi, AsyncStackTest.asyncSettings())) {
            var run = deploy(settings);
            List<JsonNode> statements = statements(run.cloud.registered());
            assertTrue(statements.size() >= 6, "found only " + statements.size() + " policy statements");
            for (JsonNode statement : statements) {
                if (LeastPrivilegeTest.isTlsOnlyDeny(statement)) {
                    continue;
                }
                assertEquals("Allow", statement.get("Effect").asText());
                for (JsonNode principal : values(statement.get("Principal"))) {
                    assertFalse(principal.asText().contains("*"), "wildcard principal in " + statement);
                }
                for (JsonNode action : values(statement.get("Action"))) {
                    assertFalse(action.asText().contains("*"), "wildcard action in " + statement);
                }
                for (JsonNode resource : values(statement.get("Resource"))) {
                    String arn = resource.asText();
                    assertTrue(!arn.contains("*") || arn.matches("arn:aws:logs:.*:log-group:/sqlscore/dev/.*:\\*")
                                    || arn.matches("arn:aws:s3:::[a-z0-9.-]+/[A-Za-z0-9/_.-]*/\\*"),
                            "wildcard resource outside this stack's log groups and S3 prefixes: " + arn);
                }
            }
            PulumiTest.cleanup();
        }
    }

    @Test
    void onlyTheSnowflakeRolesSnowflakeSessionMayInvokeTheApi() throws Exception {
        var run = deploy();

        JsonNode statement = run.statement(API_POLICY, "sqlscore-api-policy", "policy");
        assertEquals("arn:aws:sts::" + FakeCloud.ACCOUNT + ":assumed-role/sqlscore-dev-snowflake/snowflake",
                statement.at("/Principal/AWS").asText());
        assertEquals("execute-api:Invoke", statement.get("Action").asText());
        assertEquals(METHOD_ARN, statement.get("Resource").asText());
        assertNull(statement.get("Condition"), "a regional API has no VPC condition");
        assertEquals("a1b2c3d4e5", run.inputs(API_POLICY, "sqlscore-api-policy").get("restApiId"));
    }

    /** Snowflake calls from more than one VPC: the policy admits every configured one and no other. */
    @Test
    void privateApiAdmitsExactlyTheConfiguredVpcs() throws Exception {
        var settings = TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_IDS, "[\"vpc-0123456789abcdef0\", \"vpc-0aaaabbbbccccdddd\"]");
        var run = deploy(settings);

        JsonNode statement = run.statement(API_POLICY, "sqlscore-api-policy", "policy");
        assertEquals(JSON.readTree("[\"vpc-0123456789abcdef0\", \"vpc-0aaaabbbbccccdddd\"]"),
                statement.at("/Condition/StringEquals/aws:sourceVpc"));
        assertEquals(List.of(), run.cloud.invoked().stream().filter(i -> i.token.equals(FakeCloud.PLATFORM_INFO))
                .toList(), "no discovery unless asked for");
    }

    /** Discovery adds the VPC the provider reports to the configured ones, through the stack's own provider. */
    @Test
    void discoveredVpcIsAddedToTheConfiguredOnes() throws Exception {
        var settings = TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_IDS, "[\"vpc-0123456789abcdef0\"]",
                StackConfigReader.DISCOVER_SNOWFLAKE_VPC_IDS, "true");
        var run = deploy(settings);

        JsonNode statement = run.statement(API_POLICY, "sqlscore-api-policy", "policy");
        assertEquals(JSON.readTree("[\"vpc-0123456789abcdef0\", \"" + FakeCloud.SNOWFLAKE_PLATFORM_VPC + "\"]"),
                statement.at("/Condition/StringEquals/aws:sourceVpc"));
        var invokes = run.cloud.invoked().stream().filter(i -> i.token.equals(FakeCloud.PLATFORM_INFO)).toList();
        assertEquals(1, invokes.size());
        assertTrue(invokes.get(0).provider.contains("sqlscore-snowflake"), invokes.get(0).provider);
    }

    @Test
    void privateApiAcceptsCallsOnlyFromSnowflakesVpc() throws Exception {
        var settings = TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "private",
                StackConfigReader.SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0");
        var run = deploy(settings);

        JsonNode statement = run.statement(API_POLICY, "sqlscore-api-policy", "policy");
        assertEquals("vpc-0123456789abcdef0", statement.at("/Condition/StringEquals/aws:sourceVpc").asText());
        assertEquals(Map.of("types", "PRIVATE"),
                run.inputs("aws:apigateway/restApi:RestApi", "sqlscore-api").get("endpointConfiguration"));
    }

    @Test
    void methodRequiresIamAuthorizationAndProxiesToTheLambda() {
        var run = deploy();

        Map<String, Object> method = run.inputs("aws:apigateway/method:Method", "sqlscore-method");
        assertEquals("POST", method.get("httpMethod"));
        assertEquals("AWS_IAM", method.get("authorization"));
        Map<String, Object> integration = run.inputs("aws:apigateway/integration:Integration",
                "sqlscore-lambda-integration");
        assertEquals("AWS_PROXY", integration.get("type"));
        assertEquals("POST", integration.get("integrationHttpMethod"));
        assertEquals(Map.of("types", "REGIONAL"),
                run.inputs("aws:apigateway/restApi:RestApi", "sqlscore-api").get("endpointConfiguration"));
        assertEquals("score", run.inputs("aws:apigateway/resource:Resource", "sqlscore-resource").get("pathPart"));
    }

    private static List<JsonNode> statements(List<Mocks.ResourceArgs> registered) throws Exception {
        List<JsonNode> statements = new ArrayList<>();
        for (Mocks.ResourceArgs resource : registered) {
            for (String key : List.of("policy", "assumeRolePolicy")) {
                if (resource.inputs.get(key) instanceof String document) {
                    JSON.readTree(document).get("Statement").forEach(statements::add);
                }
            }
        }
        return statements;
    }

    /** A policy element may be a string, a list, or an object of those (principals). */
    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> values.addAll(values(child)));
        } else {
            values.add(node);
        }
        return values;
    }
}
