package dev.sqlscore.infra;

import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeploymentTriggerTest extends StackTest {



    @Test
    void sameStackKeepsItsDeploymentAndAPolicyChangeRedeploys() {
        String first = trigger(TestSettings.settings());
        String again = trigger(TestSettings.settings());
        String privateApi = trigger(TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0"));

        assertEquals(64, first.length(), "a SHA-256 fingerprint");
        assertEquals(first, again);
        assertNotEquals(first, privateApi);
    }

    @Test
    void stageServesTheDeploymentAndWritesAccessLogs() {
        var run = deploy();

        Map<String, Object> stage = run.inputs("aws:apigateway/stage:Stage", "sqlscore-stage");
        assertEquals("sqlscore-deployment-id", stage.get("deployment"));
        assertEquals("v1", stage.get("stageName"));
        Map<?, ?> logs = (Map<?, ?>) stage.get("accessLogSettings");
        assertEquals("arn:aws:logs:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT
                + ":log-group:/sqlscore/dev/sqlscore/api-access", logs.get("destinationArn"));
        assertEquals("1024", run.inputs("aws:apigateway/restApi:RestApi", "sqlscore-api")
                .get("minimumCompressionSize"));
        assertEquals(0, run.cloud.ofType("aws:apigateway/account:Account").size(),
                "the account-wide setting is left alone unless configured");
    }

    @Test
    void accessLogsCanBeTurnedOff() {
        var run = deploy(TestSettings.with(StackConfigReader.ACCESS_LOGGING, "off"));

        assertEquals(null, run.inputs("aws:apigateway/stage:Stage", "sqlscore-stage").get("accessLogSettings"));
        assertEquals(1, run.cloud.ofType("aws:cloudwatch/logGroup:LogGroup").size(), "only the Lambda's");
    }

    private String trigger(StackSettings settings) {
        var run = deploy(settings);
        Map<?, ?> triggers = (Map<?, ?>) run.inputs("aws:apigateway/deployment:Deployment", "sqlscore-deployment")
                .get("triggers");
        PulumiTest.cleanup();
        return (String) triggers.get("redeployment");
    }
}
