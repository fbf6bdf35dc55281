package dev.sqlscore.infra;

import com.pulumi.test.PulumiTest;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What every stack test shares: a built (fake) Lambda jar, the mock run, and the engine reset after each test. */
abstract class StackTest {

    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String LAMBDA = "aws:lambda/function:Function";
    static final String REST_API = "aws:apigateway/restApi:RestApi";
    static final String STAGE = "aws:apigateway/stage:Stage";
    static final String INTEGRATION = "snowflake:index/apiIntegration:ApiIntegration";
    static final String EXTERNAL_FUNCTION = "snowflake:index/externalFunction:ExternalFunction";
    static final String GRANT = "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole";
    static final String STAGE_URL = "https://a1b2c3d4e5.execute-api." + FakeCloud.REGION + ".amazonaws.com/v1";
    static final String METHOD_ARN = "arn:aws:execute-api:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT
            + ":a1b2c3d4e5/v1/POST/score";

    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    Path artifact() {
        return TestSettings.artifact(dir);
    }

    /** A successful run of the valid test configuration. */
    StackRun deploy() {
        return deploy(TestSettings.settings());
    }

    StackRun deploy(StackSettings settings) {
        return StackRun.run(settings, artifact()).assertSucceeded();
    }
}
