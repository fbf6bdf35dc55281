package dev.sqlscore.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.fakecloud.PulumiConfigRules;
import dev.sqlscore.infra.SnowflakeSageMakerFunctions;
import dev.sqlscore.infra.App;
import dev.sqlscore.infra.config.ConfigSource;
import dev.sqlscore.infra.config.FunctionSettings;
import dev.sqlscore.infra.config.InvalidConfigException;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./sqlscore plan [stack]}: what {@code pulumi up} would do with {@code Pulumi.<stack>.yaml}, offline and
 * without credentials. It checks the files as the Pulumi CLI does ({@link PulumiConfigRules}), reads them with the
 * program's own configuration reader, reporting every problem, and then runs the program's component under Pulumi's
 * mock engine: the resources it lists are the ones the program registers, and the SQL is written from the
 * Snowflake registrations. Exit 0 when the stack can be deployed, 2 when the files have problems.
 */
public final class PlanCommand {

    /** Secrets a stack file holds encrypted, set with {@code pulumi config set --secret}. */
    private static final Map<String, String> SECRETS = Map.of(StackConfigReader.SNOWFLAKE_PRIVATE_KEY,
            "pulumi config set --secret " + StackConfigReader.SNOWFLAKE_PRIVATE_KEY + " < rsa_key.p8");
    private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private final Path root;
    private final String stack;
    private final PrintStream out;

    PlanCommand(Path root, String stack, PrintStream out) {
        this.root = root;
        this.stack = stack;
        this.out = out;
    }

    static final String USAGE = """
            Usage: ./sqlscore plan [STACK]
            What `pulumi up` would create for Pulumi.<STACK>.yaml (STACK defaults to dev), offline and without
            credentials: the configuration checked as the Pulumi CLI and the program check it (every problem with its
            key, a mistyped key with the one it meant), every effective setting, then the AWS resources and the
            Snowflake SQL the program registers. Exit 0 when the stack can be deployed, 2 when it has problems.
              -h, --help   Show this help message and exit.""";

    public static void main(String[] args) throws IOException {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, "8");
        }
        System.exit(main(args, System.out, System.err));
    }

    /** The command line, for {@code main} and tests: the exit code. */
    static int main(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        String stack = "dev";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (args[i].startsWith("-")) {
                err.println("plan: unknown option " + args[i] + "; usage: ./sqlscore plan [STACK]");
                err.println("See './sqlscore plan --help'.");
                return 2;
            } else if (!args[i].isBlank()) {
                stack = args[i];
            }
        }
        return new PlanCommand(root, stack, out).run();
    }

    int run() throws IOException {
        Path projectFile = root.resolve("Pulumi.yaml");
        Path stackFile = root.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            out.println("plan: no " + stackFile + "; create it with `pulumi stack init " + stack + "` and the settings "
                    + "of Pulumi.dev.yaml, or name a stack that has one");
            return 2;
        }
        PulumiConfigRules rules = PulumiConfigRules.of(PulumiConfigRules.readYaml(projectFile));
        JsonNode stackYaml;
        try {
            stackYaml = PulumiConfigRules.readYaml(stackFile);
        } catch (IOException e) {
            out.println("plan: " + stackFile.getFileName() + " is not valid YAML: " + e.getMessage());
            return 2;
        }
        List<String> problems = new ArrayList<>(rules.projectProblems());
        problems.addAll(rules.stackProblems(stack, stackYaml));
        Map<String, String> config = new HashMap<>(rules.effectiveConfig(stackYaml));
        List<String> todo = new ArrayList<>();
        SECRETS.forEach((key, howToSet) -> {
            if (!config.containsKey(key)) {
                todo.add(key + " is not set; before `pulumi up`: " + howToSet);
                config.put(key, PulumiConfigRules.SECRET_PLACEHOLDER);
            }
        });
        String region = config.get("aws:region");
        if (region == null || region.isBlank()) {
            problems.add("aws:region is not set: pulumi config set aws:region us-east-1 (where the AWS side goes)");
        }
        StackSettings settings = null;
        try {
            settings = StackConfigReader.read(ConfigSource.of(config));
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        }
        out.println("Plan for stack '" + stack + "' (" + stackFile.getFileName() + "), offline: nothing is created.");
        if (!problems.isEmpty()) {
            out.println();
            out.println(problems.size() + (problems.size() == 1 ? " problem stops" : " problems stop")
                    + " `pulumi preview` and `pulumi up`:");
            problems.forEach(problem -> out.println("  - " + problem));
            return 2;
        }
        Path artifact = root.resolve("handler/target/handler.jar");
        if (!Files.isRegularFile(artifact)) {
            todo.add("handler/target/handler.jar is not built; before `pulumi up`: ./mvnw -B package -DskipTests");
        }
        todo.addAll(settings.notices());
        if (!todo.isEmpty()) {
            out.println();
            out.println("Before `pulumi up`:");
            todo.forEach(item -> out.println("  - " + item));
        }
        printSettings(config, rules.stackValues(stackYaml).keySet(), settings);
        return print(register(settings, region, artifact), region, settings);
    }

    /**
     * Every setting of this program as the deployment will use it: the stack's value or the declared default, and
     * what a setting that follows another comes to.
     */
    private void printSettings(Map<String, String> config, Set<String> setInStack, StackSettings settings) {
        out.println();
        out.println("Settings of this program, as `pulumi up` will use them (defaults from Pulumi.yaml):");
        for (String key : StackConfigReader.KEYS.stream().sorted().toList()) {
            String value = config.getOrDefault(key, "");
            if (key.equals(StackConfigReader.FUNCTIONS)) {
                value = settings.functions().size() + " (" + String.join(", ", settings.functions().stream()
                        .map(FunctionSettings::sqlName).toList()) + ")";
            } else if (key.equals(StackConfigReader.DEADLINE_MILLIS) && value.strip().equals("-1")) {
                value = "-1, so " + settings.scoring().deadlineMillis() + " ms (4 s before the integration timeout)";
            } else if (value.isEmpty()) {
                value = "(not set)";
            }
            out.println("  " + key + " = " + value + (setInStack.contains(key) ? "" : "   [default]"));
        }
    }

    /** The program's component under Pulumi's mocks, as {@code pulumi up} would run it: what it registers. */
    private FakeCloud register(StackSettings settings, String region, Path artifact) throws IOException {
        FakeCloud mocks = FakeCloud.placeholders(region);
        Path jar = Files.isRegularFile(artifact) ? artifact : Files.createTempFile("sqlscore-plan-", ".jar");
        try {
            TestResult result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName("sqlscore").stackName(stack).build())
                    .runTest(ctx -> new SnowflakeSageMakerFunctions("sqlscore", App.args(settings)
                            .handlerArtifact(jar)
                            .propagationDelay(delay -> CompletableFuture.completedFuture(null)).build()));
            if (!result.exceptions().isEmpty() || result.exitCode() != 0) {
                throw new IllegalStateException("the program failed under the mock engine: " + result.exceptions()
                        + " " + result.errors());
            }
        } finally {
            PulumiTest.cleanup();
            if (!jar.equals(artifact)) {
                Files.deleteIfExists(jar);
            }
        }
        return mocks;
    }

    private int print(FakeCloud mocks, String region, StackSettings settings) {
        var registered = mocks.registered();
        Map<String, List<String>> aws = new LinkedHashMap<>();
        registered.stream().filter(r -> r.type.startsWith("aws:"))
                .sorted((a, b) -> (a.type + a.name).compareTo(b.type + b.name))
                .forEach(r -> aws.computeIfAbsent(r.type, type -> new ArrayList<>()).add(r.name));
        out.println();
        out.println("AWS, account " + mocks.values().account() + " in " + region + ": " + registered.stream()
                .filter(r -> r.type.startsWith("aws:")).count() + " resources");
        aws.forEach((type, names) -> out.println("  " + type + "  " + String.join(", ", names)));
        out.println();
        out.println("Snowflake, account " + settings.snowflake().organizationName() + "-"
                + settings.snowflake().accountName() + " as " + settings.snowflake().user() + " (role "
                + settings.snowflake().role() + "), in this order (the integration, the functions by name, "
                + "the grants):");
        for (String statement : SnowflakeSql.statements(registered)) {
            out.println();
            statement.lines().forEach(line -> out.println("  " + line));
        }
        out.println();
        out.println("Values in <angle brackets> are known once AWS and Snowflake create the objects.");
        return 0;
    }
}
