package dev.sqlscore.infra;

import dev.sqlscore.infra.config.StackConfigReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long API Gateway waits for the Lambda, and the handler's deadline that follows it. */
class IntegrationTimeoutTest extends StackTest {

    private static final String INTEGRATION = "aws:apigateway/integration:Integration";

    @Test
    void theDefaultIsApiGateways29SecondsWithTheDeadline4SecondsBefore() {
        var run = deploy();

        assertEquals(29_000, ((Number) run.inputs(INTEGRATION, "sqlscore-lambda-integration")
                .get("timeoutMilliseconds")).intValue());
        assertEquals("25000", environment(run).get("SQLSCORE_DEADLINE_MILLIS"));
    }

    @Test
    void aRaisedTimeoutReachesTheIntegrationTheLambdaAndTheDeadline() {
        var run = deploy(TestSettings.with(StackConfigReader.INTEGRATION_TIMEOUT_SECONDS, "120",
                StackConfigReader.LAMBDA_TIMEOUT_SECONDS, "150"));

        assertEquals(120_000, ((Number) run.inputs(INTEGRATION, "sqlscore-lambda-integration")
                .get("timeoutMilliseconds")).intValue());
        assertEquals(150, ((Number) run.inputs(LAMBDA, "sqlscore-handler").get("timeout")).intValue());
        assertEquals("116000", environment(run).get("SQLSCORE_DEADLINE_MILLIS"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(StackRun run) {
        var environment = (Map<String, Object>) run.inputs(LAMBDA, "sqlscore-handler").get("environment");
        return (Map<String, Object>) environment.get("variables");
    }
}
