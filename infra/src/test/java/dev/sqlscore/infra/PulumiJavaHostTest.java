package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.fakecloud.PulumiConfigRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Pulumi Java language host does with this repository, as pulumi-java's Maven executor does it: in the
 * folder {@code Pulumi.yaml}'s {@code main} names, it takes a {@code ./mvnw} found there over any {@code mvn} on the
 * PATH; it asks the program for its provider plugins with
 * {@code compile exec:java -DmainClass=com.pulumi.bootstrap.internal.Main -DmainArgs=packages}, reading the answer as
 * JSON from standard output; and it runs the program with {@code compile exec:java}. Run here on a clean copy of the
 * checkout (no {@code target/}), so it also proves the program compiles from its own folder, without the reactor.
 */
class PulumiJavaHostTest {

    private static final long TIMEOUT_MINUTES = 5;
    /** pulumi-java's executor_maven.go, PluginArgs. */
    private static final List<String> PLUGIN_DISCOVERY = List.of(
            "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile", "exec:java",
            "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages");
    /** pulumi-java's executor_maven.go, RunArgs. */
    private static final List<String> RUN = List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--no-transfer-progress", "compile", "exec:java");

    @TempDir
    static Path scratch;
    private static Path programFolder;

    private record Outcome(boolean finished, int exitValue, String stdout, String stderr) {
    }

    @BeforeAll
    static void cleanCopy() throws IOException {
        Path folder = Path.of(programFolderName());
        Path copy = CleanCheckout.copy(scratch.resolve("checkout"), List.of("pom.xml", "mvnw", "Pulumi.yaml"),
                List.of(".mvn", folder.toString()));
        programFolder = copy.resolve(folder);
    }

    @Test
    void theProgramFolderHasAWrapperTheHostRunsAndPluginDiscoveryNamesBothProviders() throws Exception {
        assertTrue(Files.isExecutable(programFolder.resolve("mvnw")), "no executable ./mvnw in " + programFolder
                + ": the Java host would need a Maven on the PATH");

        Outcome discovery = host(PLUGIN_DISCOVERY);

        assertTrue(discovery.finished() && discovery.exitValue() == 0,
                () -> "plugin discovery failed:\n" + discovery.stdout() + discovery.stderr());
        // The host parses all of standard output as the plugin list: nothing else may be printed there.
        JsonNode plugins = new ObjectMapper().readTree(discovery.stdout());
        Map<String, String> versions = new TreeMap<>();
        for (JsonNode plugin : plugins) {
            assertTrue(plugin.path("resource").asBoolean(), plugin.toString());
            versions.put(plugin.path("name").asText(), plugin.path("version").asText());
        }
        assertEquals(Map.of("aws", "6.83.0", "snowflake", "2.17.0"), versions, discovery.stdout());
    }

    /** Without the engine's address the program stops at Pulumi's own check: so its main class was found and ran. */
    @Test
    void theRunCommandStartsTheProgramsMainClass() throws Exception {
        Outcome run = host(RUN);

        String output = run.stdout() + run.stderr();
        assertTrue(run.finished(), output);
        assertTrue(output.contains("Program run without the Pulumi engine available"), output);
        assertTrue(output.contains("dev.sqlscore.infra.App"), "not the program's main class:\n" + output);
    }

    private static Outcome host(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./mvnw"));
        command.addAll(arguments);
        CleanCheckout.localRepositoryArgument().ifPresent(command::add);
        Path stdout = Files.createTempFile(scratch, "stdout", ".txt");
        Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(programFolder.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(name -> name.startsWith("PULUMI_"));
        Process host = builder.start();
        boolean finished = host.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            host.destroyForcibly();
        }
        return new Outcome(finished, finished ? host.exitValue() : -1, Files.readString(stdout),
                Files.readString(stderr));
    }

    private static String programFolderName() throws IOException {
        JsonNode project = PulumiConfigRules.readYaml(CleanCheckout.REPOSITORY.resolve("Pulumi.yaml"));
        String main = project.path("main").asText(".");
        return main.endsWith("/") ? main.substring(0, main.length() - 1) : main;
    }
}
