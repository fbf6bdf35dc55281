package dev.sqlscore.lambda;

import dev.sqlscore.bench.Timings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.protocol.PayloadFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The handler against the seed's approach, on one machine in one run: the same 10,000 x 13 batch as an API Gateway
 * proxy event, each handler in-process in its own runtime, each calling the same local SageMaker-protocol server
 * (a process of its own, answering at once) through its real AWS SDK. The peer is {@code seed_handler.py}: a
 * Python handler with boto3 that joins the rows into CSV and calls InvokeEndpoint once. The floor is the model
 * server's own round trip for the same CSV body, without any handler. Also reports the Java handler's allocation
 * per input byte (the model server is in another process, so it is not counted). Not a test: run it, read it.
 *
 * <pre>
 * apt-get install python3-boto3     # Debian's boto3, for the peer
 * ./mvnw -B -q -DskipTests package && ./mvnw -B -q -pl .,handler,handler/tools -DskipTests -DskipFuzz install
 * ./mvnw -B -q -pl handler/tools exec:exec@side-by-side
 * </pre>
 */
public final class SideBySideBenchmark {

    private static final int ROWS = 10_000;
    private static final int LARGEST_ROWS = 63_000;
    private static final int WARMUP = 300;
    private static final int ITERATIONS = 200;
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private SideBySideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path python = Path.of(args.length > 0 ? args[0] : "/usr/bin/python3");
        Path script = Path.of(args.length > 1 ? args[1] : "handler/tools/src/test/python/seed_handler.py");
        byte[] body = TestEvents.churnBatch(ROWS);
        byte[] event = TestEvents.post(TestEvents.snowflakeHeaders(InstantModelServer.ENDPOINT,
                PayloadFormat.CSV.mediaType()), body, false);
        try (InstantModelServer.Running server = InstantModelServer.Running.start()) {
            URI model = server.uri();
            double[] floor = floor(model, body);
            double[] java = javaHandler(model, event, body.length);
            // The largest batch API Gateway delivers: 6 MB of JSON, decompressed (two InvokeEndpoint calls).
            byte[] largest = TestEvents.churnBatch(LARGEST_ROWS);
            double[] large = javaHandler(model, TestEvents.post(TestEvents.snowflakeHeaders(
                    InstantModelServer.ENDPOINT, PayloadFormat.CSV.mediaType()), largest, false), largest.length);
            double[] peer = python(python, script, model, event);
            System.out.printf("%n| handler (10,000 x 13, %.2f MB body) | p50 ms | p90 ms | vs the model server |%n",
                    body.length / 1e6);
            System.out.println("|---|---|---|---|");
            row("model server alone (the floor)", floor, floor);
            row("Java handler (JDK " + Runtime.version().feature() + ", AWS SDK v2)", java, floor);
            row("seed-like Python handler (boto3)", peer, floor);
            System.out.printf("Java handler, the largest batch (%,d rows, %.2f MB body): p50 %.1f ms, p99 %.1f ms%n",
                    LARGEST_ROWS, largest.length / 1e6, percentile(large, 50), percentile(large, 99));
            System.out.printf("Java / Python at p50: %.2f; measured %s, %d cores%n", percentile(java, 50)
                    / percentile(peer, 50), LocalDate.now(), Runtime.getRuntime().availableProcessors());
        }
    }

    /** The CSV body the handlers send, posted straight to the model server: its own time, and the wire's. */
    private static double[] floor(URI model, byte[] body) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (JsonNode row : TestEvents.JSON.readTree(body).get("data")) {
            List<String> values = new ArrayList<>();
            row.get(1).forEach(value -> values.add(value.asText()));
            csv.append(String.join(",", values)).append('\n');
        }
        byte[] payload = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(model.resolve("/endpoints/" + InstantModelServer.ENDPOINT
                            + "/invocations"))
                    .header("Content-Type", "text/csv").header("Accept", "text/csv")
                    .header("X-Amz-Date", "20261201T000000Z")
                    // The server checks the signature's shape only: it holds no keys.
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261201/us-east-1/sagemaker/"
                            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
            return time(() -> {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the model server answered " + response.statusCode());
                }
            });
        }
    }

    private static double[] javaHandler(URI model, byte[] event, int bodyBytes) throws Exception {
        System.setProperty("aws.endpointUrlSageMakerRuntime", model.toString());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExternalFunctionHandler handler = new ExternalFunctionHandler(Map.of(), log::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Timings.Step once = () -> {
            out.reset();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            if (!out.toString(StandardCharsets.UTF_8).startsWith("{\"statusCode\":200,")) {
                throw new IllegalStateException("the batch failed: " + out.toString(StandardCharsets.UTF_8));
            }
        };
        double[] millis = time(once);
        double[] sdkMillis = log.subList(Math.max(0, log.size() - ITERATIONS), log.size()).stream()
                .map(line -> line.replaceAll(".*\"modelMs\":(\\d+).*", "$1")).filter(text -> text.matches("\\d+"))
                .mapToDouble(Double::parseDouble).toArray();
        System.out.printf("Java handler: the SDK call (InvokeEndpoint, signing, the round trip, reading the answer) "
                + "p50 %.0f ms of the batch's p50 %.1f ms%n", percentile(sdkMillis, 50), percentile(millis, 50));
        long before = ALLOCATION.getTotalThreadAllocatedBytes();
        for (int i = 0; i < ITERATIONS; i++) {
            once.run();
        }
        double perBatch = (ALLOCATION.getTotalThreadAllocatedBytes() - before) / (double) ITERATIONS;
        System.out.printf("Java handler: %.1f MB allocated per batch, %.1f bytes per byte of batch body (%.2f MB)"
                + " and %.1f per byte of event (%.2f MB)%n", perBatch / 1e6, perBatch / bodyBytes, bodyBytes / 1e6,
                perBatch / event.length, event.length / 1e6);
        return millis;
    }

    private static double[] python(Path python, Path script, URI model, byte[] event) throws Exception {
        Path eventFile = Files.createTempFile("sqlscore-event", ".json");
        Files.write(eventFile, event);
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), eventFile.toString(),
                InstantModelServer.ENDPOINT, Integer.toString(WARMUP), Integer.toString(ITERATIONS))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", model.toString());
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the Python peer failed (is python3-boto3 installed?): " + output);
        }
        JsonNode result = TestEvents.JSON.readTree(output);
        System.out.println("Python peer: Python " + result.get("python").asText() + ", boto3 "
                + result.get("boto3").asText());
        double[] millis = new double[result.get("millis").size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = result.get("millis").get(i).asDouble();
        }
        Files.delete(eventFile);
        return millis;
    }

    private static double[] time(Timings.Step step) throws Exception {
        return Timings.time(WARMUP, ITERATIONS, step);
    }

    private static void row(String what, double[] millis, double[] floor) {
        System.out.printf("| %s | %.1f | %.1f | %.1fx |%n", what, percentile(millis, 50), percentile(millis, 90),
                percentile(millis, 50) / percentile(floor, 50));
    }

    private static double percentile(double[] values, int percentile) {
        return Timings.percentile(values, percentile);
    }
}
