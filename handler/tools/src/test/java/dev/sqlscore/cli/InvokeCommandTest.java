package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.api.EchoHandler;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.demo.AwsEndpointOverride;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class InvokeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LocalApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String startEcho(EchoHandler handler) throws Exception {
        server = LocalApiServer.builder().handler(handler).port(0).log(line -> { }).start();
        return server.uri().toString();
    }

    @Test
    void sendsCsvRowsInBatchesAndPrintsResultsInOrder() throws Exception {
        EchoHandler handler = new EchoHandler();
        String url = startEcho(handler);
        Path csv = Files.writeString(dir.resolve("rows.csv"), "id,x\n1,a\n2,\"b,c\"\n3,\n");
        int exit = run("invoke", "--url", url, "--endpoint", "churn", "-H", "content-type=text/csv",
                "--max-batch-rows", "2", "--skip-header", "--format", "json", csv.toString());
        assertEquals(0, exit, err.toString());
        assertEquals("[1,\"a\"]\n[2,\"b,c\"]\n[3,null]\n", out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(2, handler.events.size());
        JsonNode headers = handler.events.get(0).get("headers");
        assertTrue(headers.toString().contains("\"Sf-custom-sagemaker-endpoint-name\":\"churn\""), headers.toString());
        assertTrue(headers.toString().contains("\"Sf-custom-content-type\":\"text/csv\""), headers.toString());
    }

    @Test
    void aSkipPastTheEndSaysHowManyRowsThereAreAndWhereTheHelpIs() throws Exception {
        String url = startEcho(new EchoHandler());
        Path csv = Files.writeString(dir.resolve("one.csv"), "1\n");

        assertEquals(2, run("invoke", "--url", url, "--skip", "5", csv.toString()));

        assertEquals("invoke: --skip 5 is past the end of " + csv + " (1 row)\nSee 'sqlscore invoke --help'.\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** --progress into a file (not a terminal): a line per change, the count once at the end, "1 row". */
    @Test
    void progressIntoAFileIsLinesAndTheCountIsSaidOnce() throws Exception {
        String url = startEcho(new EchoHandler());
        Path csv = Files.writeString(dir.resolve("one.csv"), "1\n");

        assertEquals(0, run("invoke", "--url", url, "--endpoint", "churn", "--progress", csv.toString()),
                err.toString());

        String said = err.toString().replace(System.lineSeparator(), "\n");
        assertEquals("1 row answered\n", said);
        assertFalse(said.contains("\r"), said);
    }

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void signsWithSigV4WhenAskedUsingTheDefaultCredentials() throws Exception {
        EchoHandler handler = new EchoHandler();
        String url = startEcho(handler);
        Path jsonl = Files.writeString(dir.resolve("rows.jsonl"), "[1]\n");
        // Static credentials through the SDK's system properties, as the default chain reads them first.
        try (AwsEndpointOverride credentials = AwsEndpointOverride.pointAt(URI.create("http://127.0.0.1:1"))) {
            assertEquals(0, run("invoke", "--url", url, "--sign", "always", "--region", "eu-west-1",
                    jsonl.toString()), err.toString());
        }
        assertEquals(0, run("invoke", "--url", url, jsonl.toString()), err.toString());
        String signed = handler.events.get(0).get("headers").toString();
        assertTrue(signed.matches(".*\"Authorization\":\"AWS4-HMAC-SHA256 Credential=local/\\d{8}/eu-west-1/"
                + "execute-api/aws4_request.*"), signed);
        assertFalse(handler.events.get(1).get("headers").toString().contains("Authorization"));
    }

    @Test
    void failedBatchExitsNonZeroWithStatusAndBody() throws Exception {
        String url = startEcho(new EchoHandler(1, 400));
        Path jsonl = Files.writeString(dir.resolve("rows.jsonl"), "[1]\n");
        assertEquals(1, run("invoke", "--url", url, jsonl.toString()));
        assertTrue(err.toString().contains("invoke failed: batch 0 (rows 0..0): HTTP 400: {\"error\":\"Throttled\""),
                err.toString());
        assertEquals("", out.toString());
    }

    /** Every usage error: exit 2, one line naming the value, then where the help is; never the whole usage. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorIsOneLineAndExitTwo(String what, List<String> args, String message) throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "1,2\n");
        List<String> resolved = args.stream().map(arg -> arg.replace("DIR", dir.toString())).toList();

        assertEquals(2, run(resolved.toArray(String[]::new)), err.toString());

        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("invoke: ") && lines.get(0).contains(message), lines.get(0));
        assertEquals("See 'sqlscore invoke --help'.", lines.get(1));
        assertEquals("", out.toString());
    }

    static Stream<Arguments> usageErrors() {
        String url = "http://127.0.0.1:1/v1/score";
        return Stream.of(
                Arguments.of("no url", List.of("invoke"), "Missing required option: '--url=URL'"),
                Arguments.of("batch rows", List.of("invoke", "--url", url, "--max-batch-rows", "0", "-"),
                        "--max-batch-rows must be at least 1, got 0"),
                Arguments.of("url without scheme", List.of("invoke", "--url", "127.0.0.1:8080", "-"),
                        "--url '127.0.0.1:8080' is not a URL"),
                Arguments.of("ftp", List.of("invoke", "--url", "ftp://127.0.0.1/", "-"),
                        "--url must be an absolute http(s) URL"),
                Arguments.of("url without path", List.of("invoke", "--url", "http://127.0.0.1:8080/", "-"),
                        "/v1/score for 'serve'"),
                Arguments.of("missing file", List.of("invoke", "--url", url, "DIR/missing.csv"),
                        "input file not found: "),
                Arguments.of("directory", List.of("invoke", "--url", url, "DIR"), "is a directory"),
                Arguments.of("content type", List.of("invoke", "--url", url, "--content-type", "text/plain",
                        "DIR/rows.csv"), "--content-type 'text/plain' is not one the handler sends"),
                Arguments.of("header without value", List.of("invoke", "--url", url, "-H", "foo", "DIR/rows.csv"),
                        "-H 'foo' is not NAME=VALUE"),
                Arguments.of("bad header name", List.of("invoke", "--url", url, "-H", "target_model=x",
                        "DIR/rows.csv"), "target_model"),
                Arguments.of("output format", List.of("invoke", "--url", url, "--format", "xml", "-"),
                        "Invalid value for option '--format'"),
                Arguments.of("negative skip", List.of("invoke", "--url", url, "--skip", "-1", "-"),
                        "--skip must be at least 0"));
    }

    @Test
    void unreadableLineMidFilePrintsTheRowsBeforeItAndSaysHowToResume() throws Exception {
        String url = startEcho(new EchoHandler());
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            csv.append(i == 17 ? "17,\"open\n" : i + "\n");
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), csv);

        assertEquals(2, run("invoke", "--url", url, "--max-batch-rows", "5", file.toString()));

        assertEquals(numbers(0, 17).stream().map(n -> "[" + n + "]").toList(), out.toString().lines().toList());
        assertTrue(err.toString().contains("rows.csv, line 18: a quoted field is never closed"), err.toString());
        assertTrue(err.toString().contains("continue with --skip 17"), err.toString());
    }

    @Test
    void failedBatchMidFileKeepsEveryEarlierRowInOrderAndResumesWithSkip() throws Exception {
        // Batch 4 (rows 40..49) fails for good; later batches may already be answered but must not be printed.
        EchoHandler handler = new EchoHandler(rows -> rows.get(0).get(1).asInt() == 40 && !healed ? 400 : 200);
        String url = startEcho(handler);
        Path file = Files.writeString(dir.resolve("rows.jsonl"), String.join("\n", numbers(0, 100)) + "\n");

        assertEquals(1, run("invoke", "--url", url, "--max-batch-rows", "10", "--concurrency", "3",
                file.toString()));
        assertEquals(numbers(0, 40), out.toString().lines().toList());
        assertTrue(err.toString().contains("invoke failed: batch 4 (rows 40..49): HTTP 400"), err.toString());
        assertTrue(err.toString().contains("continue with --skip 40"), err.toString());

        healed = true;
        assertEquals(0, run("invoke", "--url", url, "--max-batch-rows", "10", "--skip", "40", file.toString()),
                err.toString());
        assertEquals(numbers(0, 100), out.toString().lines().toList(), "the resumed run appends the rest");
    }

    private volatile boolean healed;

    @Test
    void retriesAreSaidOnStderr() throws Exception {
        String url = startEcho(new EchoHandler(2, 503));
        Path file = Files.writeString(dir.resolve("rows.jsonl"), "1\n");

        assertEquals(0, run("invoke", "--url", url, file.toString()), err.toString());

        List<String> retries = err.toString().lines().filter(line -> line.contains("retry")).toList();
        assertEquals(2, retries.size(), err.toString());
        assertTrue(retries.get(0).matches("batch 0 \\(rows 0\\.\\.0\\): HTTP 503; retry 1 of 5 in \\d+\\.\\d s"),
                retries.get(0));
        assertEquals("1", out.toString().strip());
    }

    @Test
    void connectionRefusedRetriesAreSaidToo() throws Exception {
        Path file = Files.writeString(dir.resolve("rows.jsonl"), "[1]\n");
        int freePort;
        try (var socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        assertEquals(1, run("invoke", "--url", "http://127.0.0.1:" + freePort + "/v1/score", "--max-retries", "1",
                file.toString()));

        assertTrue(err.toString().contains("(Connection refused); retry 1 of 1 in"), err.toString());
        assertTrue(err.toString().contains("invoke failed: batch 0 (rows 0..0): no answer from"), err.toString());
    }

    @Test
    void emptyInputSaysZeroRows() throws Exception {
        String url = startEcho(new EchoHandler());
        Path file = Files.writeString(dir.resolve("empty.csv"), "");

        assertEquals(0, run("invoke", "--url", url, file.toString()));

        assertEquals("", out.toString());
        assertTrue(err.toString().contains("0 rows in " + file + ": nothing to send"), err.toString());
    }

    static List<String> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void everyCommandHasHelp() {
        assertEquals(0, run("invoke", "--help"));
        assertTrue(out.toString().contains("--max-batch-rows=N"), out.toString());
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("invoke"), out.toString());
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing command"), err.toString());
    }
}
