package dev.sqlscore.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulumi hashes the Lambda archive's bytes: a handler.jar that differs between two builds of the same commit
 * publishes a new version, takes a new SnapStart snapshot and moves the alias on every {@code pulumi up}. Two clean
 * builds of the handler module, from copies of this checkout with no {@code target/}, must give the same bytes.
 */
class HandlerArtifactReproducibilityTest {

    private static final long BUILD_TIMEOUT_MINUTES = 5;
    private static final long ZIP_TIME_RESOLUTION_MILLIS = 2_000;

    @TempDir
    Path scratch;

    @Test
    void twoCleanBuildsOfTheHandlerGiveTheSameBytes() throws Exception {
        Path first = copyOfTheHandlerModule(scratch.resolve("first"));
        Path second = copyOfTheHandlerModule(scratch.resolve("second"));

        Process one = build(first);
        // Zip stores times to 2 s: started this far apart, builds that leak the clock into the jar cannot match.
        Thread.sleep(ZIP_TIME_RESOLUTION_MILLIS + 1_000);
        Process two = build(second);
        awaitSuccess(one, first);
        awaitSuccess(two, second);

        byte[] a = Files.readAllBytes(first.resolve("handler/target/handler.jar"));
        byte[] b = Files.readAllBytes(second.resolve("handler/target/handler.jar"));
        assertTrue(a.length > 1_000_000, "handler.jar is " + a.length + " bytes");
        assertEquals(sha256(a), sha256(b), "two builds of the same sources differ: is "
                + "project.build.outputTimestamp still set in the root pom?");
    }

    /** The root pom, the Maven settings folder and the handler module, without build output. */
    private static Path copyOfTheHandlerModule(Path into) throws IOException {
        return CleanCheckout.copy(into, List.of("pom.xml"), List.of(".mvn", "handler"));
    }

    /** Offline: the build that runs this test has already resolved every plugin and dependency the package needs. */
    private static Process build(Path copy) throws IOException {
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-o", "-f",
                copy.resolve("handler/pom.xml").toString(), "package", "-Dmaven.test.skip=true"));
        CleanCheckout.localRepositoryArgument().ifPresent(command::add);
        return new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(copy.resolve("build.log").toFile()).start();
    }

    private static void awaitSuccess(Process build, Path copy) throws Exception {
        boolean finished = build.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }
        String log = Files.readString(copy.resolve("build.log"));
        assertTrue(finished && build.exitValue() == 0, () -> "the build in " + copy + " failed:\n" + log);
    }

    /** The Maven running this build (surefire passes maven.home), else the one on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank()) {
            Path mvn = Path.of(home, "bin", "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        return "mvn";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
