package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.infra.plan.PulumiConfigRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Pulumi Java language host does with this repository before the program runs, as pulumi-java's Maven
 * executor does it: in the folder {@code Pulumi.yaml}'s {@code main} names, it takes a {@code ./mvnw} found there over
 * any {@code mvn} on the PATH, and asks the program for its provider plugins with
 * {@code compile exec:java -DmainClass=com.pulumi.bootstrap.internal.Main -DmainArgs=packages}, reading the answer as
 * JSON from standard output. Run here on a clean copy of the checkout (no {@code target/}), so it also proves the
 * program compiles from its own folder, without the reactor.
 */
class PulumiJavaHostTest {

    private static final long TIMEOUT_MINUTES = 5;
    /** pulumi-java's executor_maven.go, PluginArgs. */
    private static final List<String> PLUGIN_DISCOVERY = List.of(
            "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile", "exec:java",
            "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages");

    @TempDir
    Path scratch;

    @Test
    void theProgramFolderHasAWrapperTheHostRunsAndPluginDiscoveryNamesBothProviders() throws Exception {
        Path programFolder = Path.of(programFolder());
        Path copy = CleanCheckout.copy(scratch.resolve("checkout"), List.of("pom.xml", "mvnw", "Pulumi.yaml"),
                List.of(".mvn", programFolder.toString()));
        Path wrapper = copy.resolve(programFolder).resolve("mvnw");
        assertTrue(Files.isExecutable(wrapper), "no executable ./mvnw in " + programFolder
                + ": the Java host would need a Maven on the PATH");

        List<String> command = new ArrayList<>(List.of("./mvnw"));
        command.addAll(PLUGIN_DISCOVERY);
        CleanCheckout.localRepositoryArgument().ifPresent(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.resolve(programFolder).toFile())
                .redirectOutput(copy.resolve("stdout").toFile()).redirectError(copy.resolve("stderr").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process host = builder.start();
        boolean finished = host.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            host.destroyForcibly();
        }
        String stdout = Files.readString(copy.resolve("stdout"));
        String stderr = Files.readString(copy.resolve("stderr"));
        assertTrue(finished && host.exitValue() == 0, () -> "plugin discovery failed:\n" + stdout + stderr);

        // The host parses all of standard output as the plugin list: nothing else may be printed there.
        JsonNode plugins = new ObjectMapper().readTree(stdout);
        Map<String, String> versions = new TreeMap<>();
        for (JsonNode plugin : plugins) {
            assertTrue(plugin.path("resource").asBoolean(), plugin.toString());
            versions.put(plugin.path("name").asText(), plugin.path("version").asText());
        }
        assertEquals(Map.of("aws", "6.83.0", "snowflake", "2.17.0"), versions, stdout);
    }

    private static String programFolder() throws IOException {
        JsonNode project = PulumiConfigRules.readYaml(CleanCheckout.REPOSITORY.resolve("Pulumi.yaml"));
        String main = project.path("main").asText(".");
        return main.endsWith("/") ? main.substring(0, main.length() - 1) : main;
    }
}
