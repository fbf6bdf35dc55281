package dev.sqlscore.infra;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackConfigReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropagationTest extends StackTest {




    @Test
    void anUpdateWaitsOnceForTheConfiguredTime() {
        var run = deploy(TestSettings.with(StackConfigReader.IAM_PROPAGATION_SECONDS, "12"));

        assertEquals(List.of(Duration.ofSeconds(12)), run.waits);
        assertEquals(2, run.cloud.ofType(EXTERNAL_FUNCTION).size());
    }

    @Test
    void defaultWaitIsThirtySeconds() {
        var run = deploy();

        assertEquals(List.of(Duration.ofSeconds(30)), run.waits);
    }

    @Test
    void aPreviewNeverWaits() {
        var run = StackRun.run(TestSettings.settings(), artifact(), new FakeCloud(), true)
                .assertSucceeded();

        assertTrue(run.waits.isEmpty(), "waited during a preview: " + run.waits);
    }

    @Test
    void zeroTurnsTheWaitOff() {
        var run = deploy(TestSettings.with(StackConfigReader.IAM_PROPAGATION_SECONDS, "0"));

        assertTrue(run.waits.isEmpty());
        assertEquals(2, run.cloud.ofType(EXTERNAL_FUNCTION).size());
    }

    @Test
    void functionsAreNotCreatedUntilTheWaitIsOver() {
        var cloud = new FakeCloud();
        var result = PulumiTest.withMocks(cloud)
                .withOptions(TestOptions.builder().projectName("sqlscore").stackName(StackRun.STACK).build())
                .runTest(ctx -> new SnowflakeSageMakerFunctions("sqlscore", App.args(TestSettings.settings())
                        .handlerArtifact(artifact())
                        .propagationDelay(delay -> CompletableFuture.failedFuture(
                                new IllegalStateException("the wait never ends")))
                        .build()));

        assertFalse(result.exceptions().isEmpty(), "the failed wait must surface");
        assertTrue(cloud.ofType(EXTERNAL_FUNCTION).isEmpty(), "functions were created without waiting for IAM");
        assertEquals(1, cloud.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(r -> r.name.equals("sqlscore-snowflake-invoke")).count());
    }
}
