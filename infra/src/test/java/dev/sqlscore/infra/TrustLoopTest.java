package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.EndpointType;
import dev.sqlscore.infra.config.StackConfigReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustLoopTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();



    @Test
    void integrationNamesTheRoleArnComputedBeforeTheRoleExists() {
        var run = deploy();

        Map<String, Object> integration = run.inputs(INTEGRATION, "sqlscore-api-integration");
        Map<String, Object> role = run.inputs(ROLE, "sqlscore-snowflake-role");
        assertEquals("sqlscore-dev-snowflake", role.get("name"), "the role name is deterministic and has the stack");
        assertEquals("arn:aws:iam::" + FakeCloud.ACCOUNT + ":role/sqlscore-dev-snowflake",
                integration.get("apiAwsRoleArn"));
        assertEquals(PulumiTest.extractValue(run.component.roleArn()), integration.get("apiAwsRoleArn"));
        assertEquals("SQLSCORE_DEV", integration.get("name"));
        assertEquals("aws_api_gateway", integration.get("apiProvider"));
        assertEquals(true, integration.get("enabled"));
        assertEquals("sqlscore: SageMaker scoring through sqlscore-dev-snowflake", integration.get("comment"),
                "the comment says sqlscore once, and which role");
    }

    @Test
    void trustPolicyHoldsExactlyTheIntegrationsUserAndExternalId() throws Exception {
        var run = deploy();

        String trust = (String) run.inputs(ROLE, "sqlscore-snowflake-role").get("assumeRolePolicy");
        assertFalse(trust.contains("\\u003d"), "the '=' of the external id must not be escaped: " + trust);
        JsonNode statements = JSON.readTree(trust).get("Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.get(0);
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals(JSON.readTree("{\"AWS\": \"" + FakeCloud.SNOWFLAKE_IAM_USER + "\"}"), statement.get("Principal"));
        assertEquals("sts:AssumeRole", statement.get("Action").asText());
        assertEquals(FakeCloud.EXTERNAL_ID,
                statement.get("Condition").get("StringEquals").get("sts:ExternalId").asText());
    }

    @Test
    void trustFollowsANewExternalIdWhenTheIntegrationIsRecreated() throws Exception {
        String recreatedId = "MYORG_SFCRole=2_zzzzzzzzzzzzzzzzzzzzzzzzzzz=";
        var first = deploy();
        String before = (String) first.inputs(ROLE, "sqlscore-snowflake-role").get("assumeRolePolicy");
        PulumiTest.cleanup();

        var second = StackRun.run(TestSettings.settings(), artifact(),
                new FakeCloud("aws", recreatedId), false).assertSucceeded();
        String after = (String) second.inputs(ROLE, "sqlscore-snowflake-role").get("assumeRolePolicy");

        assertTrue(before.contains(FakeCloud.EXTERNAL_ID));
        assertEquals(recreatedId, JSON.readTree(after).at("/Statement/0/Condition/StringEquals/sts:ExternalId")
                .asText());
        assertFalse(after.contains(FakeCloud.EXTERNAL_ID));
    }

    @Test
    void roleMayOnlyInvokeThisApisMethod() throws Exception {
        var run = deploy();

        JsonNode statement = run.statement(ROLE_POLICY, "sqlscore-snowflake-invoke", "policy");
        assertEquals(List.of("execute-api:Invoke"), JSON.convertValue(statement.get("Action"), List.class));
        assertEquals(List.of(METHOD_ARN), JSON.convertValue(statement.get("Resource"), List.class));
    }

    @Test
    void allowedPrefixIsThisStagesUrl() {
        var run = deploy();

        assertEquals(List.of(STAGE_URL + "/"), run.inputs(INTEGRATION, "sqlscore-api-integration")
                .get("apiAllowedPrefixes"));
        assertEquals(STAGE_URL, PulumiTest.extractValue(run.component.invokeUrl()));
    }

    @Test
    void privateApisAndGovCloudUseTheirOwnApiProviders() {
        var privateSettings = TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0");
        var gov = StackRun.run(privateSettings, artifact(), new FakeCloud("aws-us-gov",
                FakeCloud.EXTERNAL_ID), false).assertSucceeded();

        assertEquals("aws_gov_private_api_gateway",
                gov.inputs(INTEGRATION, "sqlscore-api-integration").get("apiProvider"));
        assertEquals("arn:aws-us-gov:iam::" + FakeCloud.ACCOUNT + ":role/sqlscore-dev-snowflake",
                gov.inputs(INTEGRATION, "sqlscore-api-integration").get("apiAwsRoleArn"));
        assertEquals("aws_private_api_gateway",
                SnowflakeTrust.apiProvider("aws", EndpointType.PRIVATE));
        assertEquals("aws_gov_api_gateway",
                SnowflakeTrust.apiProvider("aws-us-gov", EndpointType.REGIONAL));
    }
}
