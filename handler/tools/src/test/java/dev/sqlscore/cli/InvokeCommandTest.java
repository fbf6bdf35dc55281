package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.api.EchoHandler;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.demo.SageMakerOverride;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void signsWithSigV4WhenAskedUsingTheDefaultCredentials() throws Exception {
        EchoHandler handler = new EchoHandler();
        String url = startEcho(handler);
        Path jsonl = Files.writeString(dir.resolve("rows.jsonl"), "[1]\n");
        // Static credentials through the SDK's system properties, as the default chain reads them first.
        try (SageMakerOverride credentials = SageMakerOverride.pointAt(URI.create("http://127.0.0.1:1"))) {
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

    @Test
    void badArgumentsExitWithUsageErrors() throws Exception {
        assertEquals(2, run("invoke"));
        assertTrue(err.toString().contains("Missing required option: '--url=URL'"), err.toString());
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/", "--max-batch-rows", "0", "-"));
        assertTrue(err.toString().contains("--max-batch-rows must be at least 1, got 0"), err.toString());
        assertEquals(2, run("invoke", "--url", "127.0.0.1:8080", "-"));
        assertTrue(err.toString().contains("Invalid value for option '--url'"), err.toString());
        assertEquals(2, run("invoke", "--url", "ftp://127.0.0.1/", "-"));
        assertTrue(err.toString().contains("--url must be an absolute http(s) URL"), err.toString());
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/", dir.resolve("missing.csv").toString()));
        assertTrue(err.toString().contains("input file not found"), err.toString());
        Path broken = Files.writeString(dir.resolve("broken.csv"), "1,\"open\n");
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/", broken.toString()));
        assertTrue(err.toString().contains("broken.csv, line 1: a quoted field is never closed"), err.toString());
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/", "-H", "target_model=x", broken.toString()));
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/", "--format", "xml", "-"));
        assertTrue(err.toString().contains("Invalid value for option '--format'"), err.toString());
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
