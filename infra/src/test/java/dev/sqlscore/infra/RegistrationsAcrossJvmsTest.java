package dev.sqlscore.infra;

import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unchanged stack previews no change: every input the program registers is the same text in every JVM, not only
 * twice in one (an immutable {@code Map.of} iterates in an order salted per JVM, so JSON written from one differs
 * between runs). Each child JVM runs the program under the fake cloud and prints the whole registration snapshot.
 */
class RegistrationsAcrossJvmsTest {

    private static final int JVMS = 4;

    @Test
    void fourJvmsRegisterTheSameInputsByteForByte(@TempDir Path artifactDir) throws Exception {
        List<String> snapshots = new ArrayList<>();
        for (int i = 0; i < JVMS; i++) {
            snapshots.add(runChild(Snapshot.class.getName(), artifactDir.toString()));
        }
        assertTrue(snapshots.get(0).contains("dashboardBody"), snapshots.get(0));
        for (int i = 1; i < JVMS; i++) {
            assertEquals(snapshots.get(0), snapshots.get(i), "JVM " + (i + 1) + " registered other inputs");
        }
    }

    /** The test's classpath in a fresh JVM; the main class writes its result to the file named first. */
    static String runChild(String mainClass, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("registrations", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Djava.util.concurrent.ForkJoinPool.common.parallelism=8",
                "-cp", System.getProperty("java.class.path"), mainClass, out.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, process.exitValue(), "the child JVM failed");
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A child JVM's program: the stack with every optional part on (its artifact in the folder given second). */
    static final class Snapshot extends StackTest {
        public static void main(String[] args) throws IOException {
            Snapshot run = new Snapshot();
            run.dir = Path.of(args[1]);
            StackSettings settings = TestSettings.with(StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "true",
                    StackConfigReader.ACCESS_LOGGING, "manage-account-role");
            String snapshot = RegistrationSnapshotTest.snapshot(run.deploy(settings));
            Files.writeString(Path.of(args[0]), snapshot, StandardCharsets.UTF_8);
            System.exit(0);
        }
    }
}
