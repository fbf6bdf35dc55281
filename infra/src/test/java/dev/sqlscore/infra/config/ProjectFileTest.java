package dev.sqlscore.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.fakecloud.PulumiConfigRules;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulumi.yaml and every {@code Pulumi.<stack>.yaml} the repository ships pass the checks the Pulumi CLI makes before
 * the program runs ({@link PulumiConfigRules}), and then the program's own reader; the project file declares the keys
 * the reader reads, with the reader's defaults.
 */
class ProjectFileTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PROJECT_FILE = ROOT.resolve("Pulumi.yaml");
    /** Set with `pulumi config set --secret`, so never in a shipped stack file. */
    private static final Map<String, String> SECRETS = Map.of(StackConfigReader.SNOWFLAKE_PRIVATE_KEY,
            ValidConfig.PRIVATE_KEY);

    static Stream<Path> shippedStacks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            List<Path> stacks = files.filter(file -> file.getFileName().toString().matches("Pulumi\\..+\\.yaml"))
                    .sorted().toList();
            assertFalse(stacks.isEmpty(), "no Pulumi.<stack>.yaml at the repository root");
            return stacks.stream();
        }
    }

    @Test
    void projectFilePassesPulumisProjectChecks() throws IOException {
        assertEquals(List.of(), rules().projectProblems());
        assertEquals("sqlscore", rules().projectName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedStacks")
    void shippedStackPassesPulumisConfigChecks(Path stackFile) throws IOException {
        String stackName = stackFile.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
        assertEquals(List.of(), rules().stackProblems(stackName, PulumiConfigRules.readYaml(stackFile)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedStacks")
    void shippedStackSetsOnlyDeclaredProjectKeys(Path stackFile) throws IOException {
        var rules = rules();
        for (String key : rules.stackValues(PulumiConfigRules.readYaml(stackFile)).keySet()) {
            if (key.startsWith(rules.projectName() + ":")) {
                assertTrue(rules.declaredKeys().containsKey(key), key + " is not declared in Pulumi.yaml (a typo?)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedStacks")
    void shippedStackPassesTheProgramsReader(Path stackFile) throws IOException {
        Map<String, String> config = new HashMap<>(rules().effectiveConfig(PulumiConfigRules.readYaml(stackFile)));
        config.putAll(SECRETS);

        StackSettings settings = StackConfigReader.read(ConfigSource.of(config));

        assertFalse(settings.functions().isEmpty());
    }

    /** The model finds the defect that once stopped every user: an optional key with a type and no default. */
    @Test
    void modelReportsAProjectKeyWithoutDefaultThatTheStackLeavesOut() throws IOException {
        var rules = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  sqlscore:snowflakeVpcId:
                    type: string
                  sqlscore:defaultEndpoint:
                    type: string
                    default: ""
                  sqlscore:lambdaMemoryMb:
                    type: integer
                    default: 1024
                """));
        JsonNode stack = PulumiConfigRules.parseYaml("""
                config:
                  aws:region: us-east-1
                  sqlscore:lambdaMemoryMb: lots
                """);

        assertEquals(List.of("Stack 'dev' is missing configuration value 'sqlscore:snowflakeVpcId'",
                        "Stack 'dev' with configuration key 'sqlscore:lambdaMemoryMb' must be of type 'integer'"),
                rules.stackProblems("dev", stack));
    }

    /** A list-typed key with a default, as snowflakeVpcIds is declared: Pulumi's checks of both, in the model. */
    @Test
    void modelChecksAListTypedKeyWithADefault() throws IOException {
        var rules = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  sqlscore:snowflakeVpcIds:
                    type: array
                    items:
                      type: string
                    default: []
                """));
        assertEquals(List.of(), rules.projectProblems());
        JsonNode unset = PulumiConfigRules.parseYaml("config:\n  aws:region: us-east-1\n");
        assertEquals(List.of(), rules.stackProblems("dev", unset));
        assertEquals("[]", rules.effectiveConfig(unset).get("sqlscore:snowflakeVpcIds"));
        JsonNode listed = PulumiConfigRules.parseYaml("config:\n  sqlscore:snowflakeVpcIds: [vpc-1, vpc-2]\n");
        assertEquals(List.of(), rules.stackProblems("dev", listed));
        assertEquals("[\"vpc-1\",\"vpc-2\"]", rules.effectiveConfig(listed).get("sqlscore:snowflakeVpcIds"));
        assertEquals(List.of("Stack 'dev' with configuration key 'sqlscore:snowflakeVpcIds' must be of type 'array'"),
                rules.stackProblems("dev", PulumiConfigRules.parseYaml(
                        "config:\n  sqlscore:snowflakeVpcIds: vpc-1\n")));

        var wrongDefault = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  sqlscore:snowflakeVpcIds:
                    type: array
                    items:
                      type: string
                    default: vpc-1
                """));
        assertEquals(List.of("The default value specified for configuration key 'sqlscore:snowflakeVpcIds' is not of "
                + "the expected type 'array'"), wrongDefault.projectProblems());
    }

    @Test
    void modelReportsProjectFileMistakes() throws IOException {
        var rules = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  aws:region:
                    type: string
                  sqlscore:count:
                    type: integer
                    default: many
                  sqlscore:tags:
                    type: array
                """));

        assertEquals(3, rules.projectProblems().size(), rules.projectProblems().toString());
    }

    /** project.json refuses unknown attributes (a misspelt {@code default} included) and unknown type names. */
    @Test
    void modelReportsWhatTheProjectSchemaRefuses() throws IOException {
        var rules = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  sqlscore:vpc:
                    type: string
                    defualt: ""
                  sqlscore:size:
                    type: number
                """));

        List<String> problems = rules.projectProblems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("#/config/sqlscore:size/type"), problems.get(0));
        assertTrue(problems.get(1).contains("'defualt' not allowed"), problems.get(1));
    }

    /** A stack stores scalars as text: a number is a valid string; a key declared secret must be encrypted. */
    @Test
    void modelChecksStackValuesAsPulumiStoresThem() throws IOException {
        var rules = PulumiConfigRules.of(PulumiConfigRules.parseYaml("""
                name: sqlscore
                config:
                  sqlscore:vpc:
                    type: string
                  sqlscore:alarms:
                    type: boolean
                  sqlscore:token:
                    type: string
                    secret: true
                """));
        JsonNode stack = PulumiConfigRules.parseYaml("""
                config:
                  sqlscore:vpc: 12345
                  sqlscore:alarms: "false"
                  sqlscore:token: plain
                """);

        assertEquals(List.of("Stack 'dev' with configuration key 'sqlscore:token' must be encrypted as it's secret"),
                rules.stackProblems("dev", stack));
    }

    @Test
    void declaresExactlyTheKeysTheReaderReads() throws Exception {
        Set<String> read = new TreeSet<>();
        for (Field field : StackConfigReader.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String key
                    && key.startsWith("sqlscore:")) {
                read.add(key);
            }
        }
        assertEquals(read, rules().declaredKeys().keySet());
        assertEquals(read, new TreeSet<>(StackConfigReader.KEYS), "the keys a typo is checked against");
    }

    /** What Pulumi fills in from the declared defaults reads exactly as leaving the keys out. */
    @Test
    void declaredDefaultsAreTheReadersDefaults() throws IOException {
        Map<String, String> required = ValidConfig.minimal();
        Map<String, String> withDefaults = new HashMap<>(rules().effectiveConfig(PulumiConfigRules.parseYaml("{}")));
        withDefaults.putAll(required);
        assertTrue(withDefaults.size() >= required.size() + 14, "defaults found: " + withDefaults.keySet());

        assertEquals(StackConfigReader.read(ConfigSource.of(required)),
                StackConfigReader.read(ConfigSource.of(withDefaults)));
    }

    private static PulumiConfigRules rules() throws IOException {
        return PulumiConfigRules.of(PulumiConfigRules.readYaml(PROJECT_FILE));
    }
}
