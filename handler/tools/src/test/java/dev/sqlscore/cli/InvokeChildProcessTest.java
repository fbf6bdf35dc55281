package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.local.api.EchoHandler;
import dev.sqlscore.local.api.LocalApiServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code invoke} as a user runs it, in a process of its own: interrupted, and on a file larger than its heap. */
@DisabledOnOs(OS.WINDOWS)
class InvokeChildProcessTest {

    private static final int ROWS = 100;
    private static final int ANSWERED = 30;

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private LocalApiServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    /**
     * Ctrl-C, for real: the server holds the fourth batch and the child gets SIGINT. Everything answered before the
     * held batch must be on its stdout, in order, and its stderr must say where to resume; the resumed run then
     * prints exactly the rest.
     */
    @Test
    void sigintKeepsEveryAnsweredRowInOrderAndSaysWhereToResume() throws Exception {
        server = LocalApiServer.builder().port(0).log(line -> { })
                .handler(new EchoHandler(rows -> {
                    if (rows.get(0).get(1).asInt() >= ANSWERED) {
                        release.await();
                    }
                    return 200;
                })).start();
        Path input = Files.writeString(dir.resolve("rows.jsonl"),
                String.join("\n", InvokeCommandTest.numbers(0, ROWS)) + "\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "invoke",
                "--url", server.uri().toString(), "--max-batch-rows", "10", "--concurrency", "1", input.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();

        List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (printed.size() < ANSWERED) {
                String line = out.readLine();
                assertTrue(line != null, "the child ended early: " + Files.readString(dir.resolve("stderr.txt")));
                printed.add(line);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "invoke did not stop on SIGINT");
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                printed.add(line);
            }
        }

        assertEquals(130, child.exitValue(), "128 + SIGINT");
        assertEquals(InvokeCommandTest.numbers(0, ANSWERED), printed);
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(stderr.contains("invoke interrupted: the first 30 rows of " + input + " are printed; continue "
                + "with --skip 30"), stderr);

        release.countDown();
        var resumed = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(resumed, true));
        assertEquals(0, cli.execute("invoke", "--url", server.uri().toString(), "--max-batch-rows", "10",
                "--skip", "30", input.toString()));
        List<String> all = new ArrayList<>(printed);
        all.addAll(resumed.toString().lines().toList());
        assertEquals(InvokeCommandTest.numbers(0, ROWS), all);
    }

    /** Rows are read as batches are needed and printed as they are answered: the file never sits in memory. */
    @Test
    void aFileLargerThanTheHeapStreamsThroughInOrder() throws Exception {
        server = LocalApiServer.builder().port(0).log(line -> { }).handler(new EchoHandler()).start();
        int rows = 200_000;
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",0.123456789,-1.5,\"label ").append(i % 97).append("\",true,,12345678901234567890\n");
        }
        Path input = Files.writeString(dir.resolve("large.csv"), csv);
        assertTrue(Files.size(input) > 10_000_000);
        Path output = dir.resolve("out.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "invoke",
                "--url", server.uri().toString(), "--max-batch-rows", "2000", "--format", "json",
                input.toString())
                .redirectOutput(output.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();

        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "invoke did not finish");
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        try (BufferedReader lines = Files.newBufferedReader(output)) {
            int i = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine(), i++) {
                String expected = "[" + i + ",0.123456789,-1.5,\"label " + (i % 97) + "\",\"true\",null,"
                        + "12345678901234567890]";
                if (!line.equals(expected)) {
                    assertEquals(expected, line, "row " + i);
                }
            }
            assertEquals(rows, i);
        }
    }
}
