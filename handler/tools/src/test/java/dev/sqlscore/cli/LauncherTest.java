package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./sqlscore} launcher as a newcomer meets it: a fresh clone with no jar, a stale jar, a {@code java} on
 * PATH that is too old while a JDK 21+ sits in a usual folder, or no JDK at all. It runs against a copy of the
 * repository's layout whose {@code mvnw} only records the build and drops in a probe jar, so the launcher's own
 * decisions are what is tested.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "..", "sqlscore");
    private static final String JDK = System.getProperty("java.home");

    @TempDir
    Path clone;

    @TempDir
    Path elsewhere;

    private Path probeJar;
    private Path builds;

    @BeforeEach
    void aCloneWithAFakeWrapper() throws IOException {
        Files.copy(LAUNCHER, clone.resolve("sqlscore"));
        clone.resolve("sqlscore").toFile().setExecutable(true);
        for (String file : List.of("pom.xml", "handler/pom.xml", "handler/tools/pom.xml", "handler/testkit/pom.xml",
                "handler/src/main/java/A.java", "handler/tools/src/main/java/B.java",
                "handler/testkit/src/main/java/C.java")) {
            Files.createDirectories(clone.resolve(file).getParent());
            Files.writeString(clone.resolve(file), "source");
        }
        probeJar = elsewhere.resolve("probe.jar");
        writeProbeJar(probeJar);
        builds = elsewhere.resolve("builds.log");
        Path mvnw = clone.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\n"
                + "echo \"$@\" >> '" + builds + "'\n"
                + "mkdir -p '" + clone.resolve("handler/tools/target") + "'\n"
                + "cp '" + probeJar + "' '" + clone.resolve("handler/tools/target/sqlscore-tools.jar") + "'\n");
        mvnw.toFile().setExecutable(true);
        // A usual place holding this JDK, and a java on PATH that is too old.
        Files.createDirectories(elsewhere.resolve("jvm"));
        Files.createSymbolicLink(elsewhere.resolve("jvm/temurin-21"), Path.of(JDK));
        Path oldJava = Files.createDirectories(elsewhere.resolve("old/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n"
                + "echo '    java.home = " + elsewhere.resolve("old") + "' >&2\n");
        oldJava.toFile().setExecutable(true);
    }

    @Test
    void aFreshCloneBuildsOnceThenRunsTheCommand() throws Exception {
        Result first = launch(Map.of(), "demo", "--fast");
        assertEquals(0, first.exit, first.err);
        assertEquals("probe ran: demo --fast", first.out.strip());
        assertTrue(first.err.contains("Building the local tools (first run, or the sources changed)"), first.err);
        assertEquals(1, Files.readAllLines(builds).size());
        assertTrue(Files.readString(builds).contains("-DskipTests"), Files.readString(builds));

        Result second = launch(Map.of(), "serve");
        assertEquals("probe ran: serve", second.out.strip());
        assertEquals(1, Files.readAllLines(builds).size(), "an up-to-date jar is not rebuilt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"handler/src/main/java/A.java", "handler/testkit/src/main/java/C.java",
        "handler/tools/src/main/java/B.java"})
    void aJarOlderThanTheSourcesIsRebuilt(String changed) throws Exception {
        launch(Map.of(), "demo");
        Path source = clone.resolve(changed);
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));

        Result stale = launch(Map.of(), "demo");

        assertEquals(0, stale.exit, stale.err);
        assertEquals(2, Files.readAllLines(builds).size());
        assertTrue(Files.readAllLines(builds).get(1).contains("-pl handler,handler/testkit,handler/tools"),
                Files.readString(builds));
    }

    @Test
    void aJava17OnPathIsPassedOverForAJdk21InAUsualFolder() throws Exception {
        Result found = launch(Map.of("SQLSCORE_JDK_DIRS", elsewhere.resolve("jvm") + "/*"), "--java-home");

        assertEquals(0, found.exit, found.err);
        assertEquals(elsewhere.resolve("jvm/temurin-21").toString(), found.out.strip());
    }

    @Test
    void withNoJdk21AnywhereItSaysWhatToInstall() throws Exception {
        Result none = launch(Map.of("SQLSCORE_JDK_DIRS", elsewhere.resolve("nothing") + "/*"), "demo");

        assertEquals(1, none.exit);
        assertTrue(none.err.contains("sqlscore needs a JDK 21 or newer (java and javac) and found none"), none.err);
        assertTrue(none.err.contains("Java 17"), "names the java it found: " + none.err);
        assertTrue(none.err.contains("sudo apt-get install openjdk-21-jdk-headless")
                && none.err.contains("brew install openjdk@21"), none.err);
        assertTrue(!Files.exists(builds), "nothing is built without a JDK");
    }

    private record Result(int exit, String out, String err) {
    }

    /** The launcher with JAVA_HOME unset and only the old java (and the system's tools) on PATH. */
    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(clone.resolve("sqlscore").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", elsewhere.resolve("old/bin") + ":/usr/bin:/bin");
        if (!env.containsKey("SQLSCORE_JDK_DIRS")) {
            builder.environment().put("SQLSCORE_JDK_DIRS", elsewhere.resolve("jvm") + "/*");
        }
        builder.environment().putAll(env);
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A jar whose main class prints the arguments it was run with. */
    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            try (var in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
                out.write(in.readAllBytes());
            }
            out.closeEntry();
        }
    }
}
