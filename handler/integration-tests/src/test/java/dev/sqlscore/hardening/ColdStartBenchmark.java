package dev.sqlscore.hardening;

import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start, in fresh JVMs on loopback: (1) {@code java -jar sqlscore-tools.jar serve --port 0}, from starting the
 * process to its first answered batch; (2) the Lambda handler's initialization and first batches, without and
 * with the SnapStart priming path ({@link HandlerColdStartProbe}). Medians of several runs. Not a test.
 *
 * <pre>mvn -B -q -DskipTests package && mvn -B -q -pl handler/integration-tests exec:exec@cold-start</pre>
 */
public final class ColdStartBenchmark {

    private static final int RUNS = 7;
    private static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseSerialGC");
    private static final Pattern PROBE = Pattern.compile("probe (.*)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args.length > 0 ? args[0] : "handler/tools/target/sqlscore-tools.jar");
        try (ModelServer model = ModelServer.builder().endpoint(HandlerColdStartProbe.ENDPOINT,
                ChurnBatch::firstFeature).start()) {
            System.out.printf("%s, %d cores, JDK %s, %s; medians of %d runs (min-max)%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), String.join(" ", JVM), RUNS);
            serve(jar, model.endpointUri());
            handler(model.endpointUri(), false);
            handler(model.endpointUri(), true);
        }
    }

    /** Process start to listening, and to the first 200 for a 100-row gzip batch. */
    private static void serve(Path jar, URI model) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            try (ServeProcess serve = ServeProcess.start(jar, JVM, model, HandlerColdStartProbe.ENDPOINT, TIMEOUT)) {
                HttpResponse<byte[]> response = http.send(batch(serve.uri()), HttpResponse.BodyHandlers.ofByteArray());
                long answered = System.nanoTime();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("serve answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                ChurnBatch.assertCompleteAnswer(HandlerColdStartProbe.ROWS, 0,
                        SnowflakeAnswers.gunzipIfGzip(response.body()));
                add(figures, "serve: process start to listening", serve.timeToListen().toMillis());
                add(figures, "serve: process start to first answered batch",
                        Duration.ofNanos(answered - serve.startedNanos()).toMillis());
            }
        }
        print(figures);
    }

    private static HttpRequest batch(URI api) {
        return HttpRequest.newBuilder(api).timeout(TIMEOUT)
                .header("Content-Encoding", "gzip")
                .header("sf-external-function-format", "json")
                .header("sf-external-function-format-version", "1.0")
                .header("sf-custom-sagemaker-endpoint-name", HandlerColdStartProbe.ENDPOINT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Gzip.compress(
                        ChurnBatch.body(HandlerColdStartProbe.ROWS))))
                .build();
    }

    private static void handler(URI model, boolean prime) throws IOException, InterruptedException {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        String label = prime ? "handler, primed: " : "handler, not primed: ";
        for (int run = 0; run < RUNS; run++) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    HandlerColdStartProbe.class.getName()));
            if (prime) {
                command.add("--prime");
            }
            Process probe = ServeProcess.pointAt(new ProcessBuilder(command).redirectErrorStream(true), model,
                    HandlerColdStartProbe.ENDPOINT).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                throw new IllegalStateException("the probe failed: " + output);
            }
            Matcher line = PROBE.matcher(output);
            if (!line.find()) {
                throw new IllegalStateException("no figures from the probe: " + output);
            }
            for (String figure : line.group(1).strip().split(" ")) {
                String[] nameValue = figure.split("=");
                add(figures, label + nameValue[0], Long.parseLong(nameValue[1]));
            }
        }
        print(figures);
    }

    private static void add(Map<String, List<Long>> figures, String name, long millis) {
        figures.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
    }

    private static void print(Map<String, List<Long>> figures) {
        figures.forEach((name, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %s | %d ms | %d-%d |%n", name, sorted[sorted.length / 2], sorted[0],
                    sorted[sorted.length - 1]);
        });
        System.out.flush();
    }
}
