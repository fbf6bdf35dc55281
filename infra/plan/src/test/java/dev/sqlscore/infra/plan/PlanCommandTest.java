package dev.sqlscore.infra.plan;

import com.pulumi.test.PulumiTest;
import dev.sqlscore.infra.config.StackConfigReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./sqlscore plan} on the worked stack and on broken ones, as a user would read it. */
class PlanCommandTest {

    private static final Path REPOSITORY = Path.of("../..");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** The same stack plans as the same text in every JVM (registrations arrive in the engine threads' order). */
    @Test
    void threeJvmsPrintTheSamePlan() throws Exception {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PlanCommand.class.getName(),
                    "--root", REPOSITORY.toAbsolutePath().normalize().toString(), "dev")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String printedPlan = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "plan did not finish");
            assertEquals(0, process.exitValue(), printedPlan);
            plans.add(printedPlan);
        }
        assertTrue(plans.get(0).contains("CREATE EXTERNAL FUNCTION ANALYTICS.ML.CHURN_EXPLAIN"), plans.get(0));
        assertTrue(plans.get(0).indexOf("ML.CHURN_EXPLAIN(") < plans.get(0).indexOf("ML.SAGEMAKER_INVOKE(")
                && plans.get(0).indexOf("ML.SAGEMAKER_INVOKE(") < plans.get(0).indexOf("ML.SUMMARIZE("),
                "functions are listed by name");
        assertEquals(plans.get(0), plans.get(1));
        assertEquals(plans.get(0), plans.get(2));
    }

    @Test
    void theWorkedStackPlansWithTheSqlItAmountsTo() throws IOException {
        assertEquals(0, plan(REPOSITORY, "dev"));

        String plan = output();
        assertTrue(plan.contains("snowflake:privateKey is not set; before `pulumi up`: pulumi config set --secret"),
                plan);
        assertTrue(plan.contains("aws:lambda/function:Function  sqlscore-handler"), plan);
        assertTrue(plan.contains("aws:iam/role:Role  sqlscore-lambda-role, sqlscore-snowflake-role"), plan);
        assertTrue(plan.contains("CREATE API INTEGRATION SQLSCORE_DEV\n    API_PROVIDER = aws_api_gateway\n"
                + "    API_AWS_ROLE_ARN = 'arn:aws:iam::<aws-account>:role/sqlscore-dev-snowflake'\n"
                + "    API_ALLOWED_PREFIXES = ('https://<api-id>.execute-api.us-east-1.amazonaws.com/v1/')"), plan);
        assertTrue(plan.contains("CREATE EXTERNAL FUNCTION ANALYTICS.ML.SAGEMAKER_INVOKE(FEATURES ARRAY)\n"
                + "    RETURNS VARIANT\n"), plan);
        assertTrue(plan.contains("    MAX_BATCH_ROWS = 10000\n"), plan);
        assertTrue(plan.contains("    AS 'https://<api-id>.execute-api.us-east-1.amazonaws.com/v1/score';"), plan);
        assertTrue(plan.contains("GRANT USAGE ON FUNCTION \"ANALYTICS\".\"ML\".\"SAGEMAKER_INVOKE\"(ARRAY) TO ROLE "
                + "ANALYST;"), plan);
        assertTrue(plan.indexOf("CREATE API INTEGRATION") < plan.indexOf("CREATE EXTERNAL FUNCTION")
                && plan.indexOf("CREATE EXTERNAL FUNCTION") < plan.indexOf("GRANT USAGE"), "in creation order");
        assertFalse(plan.contains("MIIE"), "no secret in a plan");
    }

    @Test
    void aBrokenStackReportsEveryProblemTogether() throws IOException {
        Files.copy(REPOSITORY.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.broken.yaml"), """
                config:
                  snowflake:organizationName: MYORG
                  snowflake:accountName: MYACCOUNT
                  snowflake:user: PULUMI_DEPLOYER
                  snowflake:role: ACCOUNTADMIN
                  snowflake:privateKey:
                    secure: v1:abcdef
                  sqlscore:schema: ML
                  sqlscore:lambdaMemoryMb: 256
                  sqlscore:functions:
                    - name: SCORE
                      endpoint: churn
                      returnType: FLOAT
                """);

        assertEquals(2, plan(dir, "broken"));

        String plan = output();
        assertTrue(plan.contains("problems stop `pulumi preview` and `pulumi up`:"), plan);
        assertTrue(plan.contains("Stack 'broken' is missing configuration value 'sqlscore:database'"), plan);
        assertTrue(plan.contains("aws:region is not set"), plan);
        assertTrue(plan.contains("sqlscore:lambdaMemoryMb: 256 MB is below 640 MB"), plan);
        assertTrue(plan.contains("sqlscore:functions[0].returnType: 'FLOAT' is not allowed"), plan);
        assertFalse(plan.contains("CREATE"), "no plan for a stack that cannot deploy");
        assertFalse(plan.contains("snowflake:privateKey is not set"), "an encrypted value is set");
    }

    @Test
    void helpSaysWhatPlanDoesAndAnUnknownOptionWhereTheHelpIs() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, PlanCommand.main(new String[] {"--help"}, new PrintStream(printed, true,
                StandardCharsets.UTF_8), errors));
        assertTrue(output().startsWith("Usage: ./sqlscore plan [STACK]"), output());

        assertEquals(2, PlanCommand.main(new String[] {"--verbose"}, new PrintStream(printed, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("plan: unknown option --verbose; usage: ./sqlscore plan [STACK]\nSee './sqlscore plan --help'.\n",
                err.toString(StandardCharsets.UTF_8));
    }

    /** A mistyped key would deploy the default silently: the plan refuses it and names the declared key. */
    @Test
    void aMistypedKeyIsRefusedWithTheKeyItMeant() throws IOException {
        workedStackWith("typo", "sqlscore:lambdaMemoryMb: 2048", "sqlscore:lambdaMemory: 2048");

        assertEquals(2, plan(dir, "typo"));

        assertTrue(output().contains("sqlscore:lambdaMemory: is not a setting of this program; did you mean "
                + "sqlscore:lambdaMemoryMb?"), output());
        assertFalse(output().contains("CREATE"), output());
    }

    /** What will be deployed is visible: every setting, the stack's value or the declared default. */
    @Test
    void everyEffectiveSettingIsPrinted() throws IOException {
        assertEquals(0, plan(REPOSITORY, "dev"));

        String plan = output();
        assertTrue(plan.contains("  sqlscore:lambdaMemoryMb = 2048\n"), plan);
        assertTrue(plan.contains("  sqlscore:logRetentionDays = 14\n"), plan);
        assertTrue(plan.contains("  sqlscore:lambdaTimeoutSeconds = 30   [default]\n"), plan);
        assertTrue(plan.contains("  sqlscore:integrationTimeoutSeconds = 29   [default]\n"), plan);
        assertTrue(plan.contains("  sqlscore:deadlineMillis = -1, so 25000 ms (4 s before the integration timeout)"
                + "   [default]\n"), plan);
        assertTrue(plan.contains("  sqlscore:functions = 3 (SAGEMAKER_INVOKE, CHURN_EXPLAIN, SUMMARIZE)\n"), plan);
        assertTrue(plan.contains("  sqlscore:snowflakeVpcIds = []   [default]\n"), plan);
        for (String key : StackConfigReader.KEYS) {
            assertTrue(plan.contains("  " + key + " = "), key + " is not printed");
        }
    }

    @Test
    void aValueOfTheWrongTypeIsPulumisOwnError() throws IOException {
        workedStackWith("typo", "sqlscore:lambdaMemoryMb: 2048", "sqlscore:lambdaMemoryMb: lots");

        assertEquals(2, plan(dir, "typo"));

        assertTrue(output().contains("Stack 'typo' with configuration key 'sqlscore:lambdaMemoryMb' must be of type "
                + "'integer'"), output());
    }

    @Test
    void aMissingStackFileSaysHowToMakeOne() throws IOException {
        assertEquals(2, plan(REPOSITORY, "prod"));

        assertTrue(output().contains("create it with `pulumi stack init prod`"), output());
    }

    private int plan(Path root, String stack) throws IOException {
        return new PlanCommand(root, stack, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    }

    /** The project file and the worked stack, as stack {@code name} with one line changed, in this test's folder. */
    private void workedStackWith(String name, String line, String changedTo) throws IOException {
        Files.copy(REPOSITORY.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi." + name + ".yaml"), Files.readString(
                REPOSITORY.resolve("Pulumi.dev.yaml")).replace(line, changedTo));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
