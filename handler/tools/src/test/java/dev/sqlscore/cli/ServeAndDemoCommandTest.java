package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.local.demo.ChurnModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} and {@code demo} as a user runs them, over loopback sockets with the real handler. */
class ServeAndDemoCommandTest {

    private static final Pattern DEMO_LINE = Pattern.compile("ARRAY_CONSTRUCT\\(([^)]*)\\) -> (\\S+)");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private static double score(String csvFeatures) {
        return ChurnModel.score(Arrays.stream(csvFeatures.split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    /** demo printed one line per example row, each with the model's score of that row. */
    private void assertEveryExampleRowScored() {
        Matcher lines = DEMO_LINE.matcher(out.toString());
        int count = 0;
        while (lines.find()) {
            if (lines.group(2).equals("NULL")) {
                continue;
            }
            assertEquals(score(lines.group(1)), Double.parseDouble(lines.group(2)), 1e-6, lines.group());
            count++;
        }
        assertEquals(ChurnModel.exampleRows().strip().split("\n").length, count, out.toString());
    }

    @Test
    void demoPrintsTheToyModelsPredictionsForTheExampleRows() {
        assertEquals(0, cli().execute("demo"), err.toString());
        assertEveryExampleRowScored();
        assertTrue(out.toString().contains("ARRAY_CONSTRUCT(-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0) -> "));
        assertTrue(out.toString().contains("ARRAY_CONSTRUCT(0.91,\"n/a\",0.15,1,0.4,-0.7,1,0,1,0,0,1,1) -> NULL "
                + "(the model refused this row; sagemaker-on-row-error = null)"), out.toString());
    }

    @Test
    void demoAsyncAnswersTheSameRowsThroughPolls() {
        assertEquals(0, cli().execute("demo", "--async", "--model-seconds", "1"), err.toString());
        assertEveryExampleRowScored();
        assertTrue(out.toString().contains("Asynchronous endpoint 'churn-demo-async'"), out.toString());
        assertTrue(err.toString().contains("answered 202, polling: 0 of 1 model requests answered"), err.toString());
    }

    @Test
    void serveAnswersInvokeAndPlainRequestsUntilStopped() throws Exception {
        CommandLine cli = cli();
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("serve", "--port", "0", "--demo-model", "--demo-model-seconds", "1"));
        URI uri = serve.started().get(20, TimeUnit.SECONDS);
        try {
            Path csv = Files.writeString(dir.resolve("rows.csv"), ChurnModel.exampleRows());
            StringWriter invokeOut = new StringWriter();
            CommandLine invoke = Main.commandLine();
            invoke.setOut(new PrintWriter(invokeOut, true));
            invoke.setErr(new PrintWriter(err, true));
            assertEquals(0, invoke.execute("invoke", "--url", uri.toString(), "--endpoint", "churn-demo",
                    "--max-batch-rows", "2", csv.toString()), err.toString());
            List<String> values = invokeOut.toString().lines().toList();
            List<String> rows = ChurnModel.exampleRows().lines().toList();
            assertEquals(rows.size(), values.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(score(rows.get(i)), Double.parseDouble(values.get(i)), 1e-6);
            }

            // The asynchronous demo endpoint, with the settings serve prints: 202, polls, then the same scores.
            Matcher hint = Pattern.compile("Asynchronous endpoint .*: invoke((?: -H \\S+)+)").matcher(out.toString());
            assertTrue(hint.find(), out.toString());
            List<String> asyncArgs = new ArrayList<>(List.of("invoke", "--url", uri.toString(),
                    "--progress"));
            asyncArgs.addAll(List.of(hint.group(1).strip().split(" ")));
            asyncArgs.add(csv.toString());
            StringWriter asyncOut = new StringWriter();
            StringWriter asyncErr = new StringWriter();
            CommandLine asyncInvoke = Main.commandLine();
            asyncInvoke.setOut(new PrintWriter(asyncOut, true));
            asyncInvoke.setErr(new PrintWriter(asyncErr, true));
            assertEquals(0, asyncInvoke.execute(asyncArgs.toArray(String[]::new)), asyncErr.toString());
            assertEquals(values, asyncOut.toString().lines().toList());
            assertTrue(asyncErr.toString().contains("pending, 0 of 1 model requests answered"), asyncErr.toString());

            // What curl sends: plain JSON, only the endpoint header.
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("sf-custom-sagemaker-endpoint-name", "churn-demo")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[[0,[" + rows.get(0) + "]]]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.body().startsWith("{\"data\":[[0,0.5"), response.body());
            }
        } finally {
            serve.stop();
        }
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("Serving the external function at " + uri), out.toString());
    }

    @Test
    void serveReportsABusyPortAndBadOptions() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(1, cli().execute("serve", "--port", String.valueOf(busy.getLocalPort()), "--demo-model"));
            assertTrue(err.toString().contains("serve cannot listen on 127.0.0.1:" + busy.getLocalPort()),
                    err.toString());
            assertTrue(err.toString().contains("pick another --port"), err.toString());
        }
        assertEquals(1, cli().execute("serve", "--port", "0", "--bind", "192.0.2.1", "--demo-model"));
        assertTrue(err.toString().contains("--bind 192.0.2.1 is not an address of this machine"), err.toString());
        assertEquals(2, cli().execute("serve", "--port", "70000"));
        assertTrue(err.toString().contains("--port must be 0 to 65535, got 70000"), err.toString());
        assertEquals(2, cli().execute("serve", "--port", "eighty"));
        assertEquals(0, cli().execute("serve", "--help"));
        assertTrue(out.toString().contains("--no-content-encoding"), out.toString());
        assertEquals(0, cli().execute("demo", "--help"));
        assertTrue(out.toString().contains("toy churn model"), out.toString());
    }

    @Test
    void aMissingRegionIsSaidWithoutTheSdksProviderChain() {
        String hint = Hints.forHandlerStart(new IllegalStateException("Unable to load region from any of the providers "
                + "in the chain software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain@4e50c791: "
                + "[SystemSettingsRegionProvider: Unable to load region from system settings."));

        assertTrue(hint.startsWith("no AWS region is set. Set AWS_REGION"), hint);
        assertTrue(!hint.contains("DefaultAwsRegionProviderChain"), hint);
    }
}
