package dev.sqlscore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start's second command, {@code ./mvnw -B verify}, finds a JDK 21+ where {@code ./sqlscore} finds one: with
 * no JAVA_HOME, or one that is older, and an older java first on PATH, the wrapper uses the launcher's search.
 */
class WrapperJdkTest {

    private static final Path WRAPPER = Path.of("../../mvnw").toAbsolutePath().normalize();
    /** The JDK running this test (21+, as the build requires), in a folder of its own for the search to find. */
    private static final String JDK = Path.of(System.getProperty("java.home")).toString();

    private static String run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WRAPPER.toString(), "-v").redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        // Only the system's own folders on PATH: on this project's machines their java is a Java 17.
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("SQLSCORE_JDK_DIRS", JDK);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mvnw -v did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void withoutJavaHomeTheWrapperUsesTheJdkTheLauncherFinds() throws Exception {
        String output = run(Map.of());
        assertTrue(output.contains("runtime: " + JDK), output);
    }

    @Test
    void anOlderJavaHomeIsPassedOverAndSaidSo() throws Exception {
        String output = run(Map.of("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"));
        assertTrue(output.contains("runtime: " + JDK), output);
        assertTrue(output.contains("JAVA_HOME (/usr/lib/jvm/java-17-openjdk-amd64) is not a JDK 21+; using " + JDK),
                output);
    }

    @Test
    void aJavaHomeThatIsAJdk21IsKept() throws Exception {
        String output = run(Map.of("JAVA_HOME", JDK, "SQLSCORE_JDK_DIRS", "/nonexistent"));
        assertTrue(output.contains("runtime: " + JDK), output);
        assertTrue(!output.contains("is not a JDK 21+"), output);
    }
}
