package dev.sqlscore.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import dev.sqlscore.bench.Timings;
import dev.sqlscore.crypto.NativeCrypto;
import dev.sqlscore.http.LocalTls;
import dev.sqlscore.http.SocketHttpClient;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The handler against the seed's approach, on one machine in one run, at Snowflake's batch sizes (200, 1,000, 4,096
 * and 10,000 rows x 13 features) as API Gateway proxy events: each handler in-process in its own runtime, each calling
 * the same local model server ({@link InstantModelServer}, a process of its own, answering at once) through its real
 * AWS SDK. The peer is {@code seed_handler.py}: a Python handler with boto3 that joins the rows into CSV and calls
 * InvokeEndpoint once. The floor is the model server's own round trip for the same CSV body through the handler's
 * HTTP client, without the SDK or a handler. All of it twice: against the server with {@code TCP_NODELAY}, then with
 * Nagle's algorithm on, where a client that waits for delayed acknowledgements stalls.
 *
 * <p>Between the floor and the handler, the same CSV body through the SDK alone, as the handler builds it. The four
 * are measured in interleaved rounds (floor, SDK call, Java, Python, then again), so that what the shared machine
 * does meanwhile weighs on all four alike; the ratio reported is the median of the rounds' ratios. Also reports the
 * Java handler's allocation per input byte (the model server is in another process, so it is not counted) and the
 * largest batch API Gateway delivers. Beside each time, in brackets, the CPU time the benchmark's thread spent per
 * call: the floor's is the HTTP client's and TLS's share, the SDK call's adds the SDK's, the handler's adds its own.
 * Not a test: run it, read it.
 *
 * <pre>
 * apt-get install python3-boto3     # Debian's boto3, for the peer
 * ./mvnw -B -q -DskipTests package
 * ./mvnw -B -q -pl .,handler,handler/testkit,handler/tools -DskipTests -DskipFuzz install
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@side-by-side
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@side-by-side-lambda-jit   # C1 only, as Lambda's java21 runs
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@side-by-side-tls-lambda-jit   # and over TLS, as SageMaker is
 * </pre>
 */
public final class SideBySideBenchmark {

    /** Snowflake's batch sizes: about 190 rows against a fast endpoint, up to 4,096 as latency grows; and ours. */
    private static final int[] ROWS = {200, 1_000, 4_096, 10_000};
    private static final int ALLOCATION_ROWS = 10_000;
    private static final int LARGEST_ROWS = 63_000;
    /**
     * Before each size's first round, for the JIT (a Lambda scoring millions of rows runs warm); Python has none,
     * and each of its runs is a fresh process that warms up in {@link #ROUND_WARMUP} calls.
     */
    private static final Duration JAVA_WARMUP = Duration.ofSeconds(5);
    private static final Duration ROUND_WARMUP_TIME = Duration.ofSeconds(1);
    private static final int LARGEST_WARMUP = 100;
    /** Five: this shared machine's speed moves within minutes, and a median of three was swayed by one slow round. */
    private static final int ROUNDS = 5;
    private static final int ROUND_WARMUP = 10;
    private static final int PER_ROUND = 60;
    private static final int ALLOCATION_BATCHES = 200;
    private static final Duration SDK_CALL_TIMEOUT = Duration.ofSeconds(20);
    /** The benchmark thread's allocation and CPU time. */
    private static final ThreadMXBean THREADS =
            (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static String peerVersion = "";
    /** With {@code --tls}: the model server's certificate, which both handlers (and the floor) trust. */
    private static Tls tls;

    private SideBySideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path python = Path.of(args.length > 0 ? args[0] : "/usr/bin/python3");
        Path script = Path.of(args.length > 1 ? args[1] : "handler/integration-tests/src/test/python/seed_handler.py");
        tls = Arrays.asList(args).contains("--tls") ? Tls.create() : null;
        List<String> summary = new ArrayList<>();
        Map<Integer, Double> javaNodelay = new HashMap<>();
        JavaHandler java = null;
        for (InstantModelServer.Sending sending : List.of(InstantModelServer.Sending.NODELAY,
                InstantModelServer.Sending.NAGLE)) {
            try (InstantModelServer.Running server = tls == null ? InstantModelServer.Running.start(sending)
                    : InstantModelServer.Running.start(sending, tls.keystore(), Tls.PASSWORD);
                 SocketHttpClient http = SocketHttpClient.builder().build()) {
                URI model = server.uri();
                java = new JavaHandler(model);
                SageMakerModelInvoker sdk = SageMakerModelInvoker.create(); // after the handler set the endpoint
                System.out.printf("%n### Model server with %s%s%n", sending == InstantModelServer.Sending.NAGLE
                        ? "Nagle's algorithm on (headers and body in two writes)" : "TCP_NODELAY",
                        tls == null ? "" : ", over TLS");
                for (int rows : ROWS) {
                    // Every size first, as mixed traffic would: what the JIT learns from one size serves the others.
                    Timings.warm(JAVA_WARMUP, java.batch(event(TestEvents.churnBatch(rows))));
                }
                System.out.printf("%n| rows | round | floor p50 ms (CPU) | SDK call p50 ms (CPU) | Java p50 ms (CPU) "
                        + "| Python p50 ms | Java / Python |%n");
                System.out.println("|---|---|---|---|---|---|---|");
                for (int rows : ROWS) {
                    byte[] body = TestEvents.churnBatch(rows);
                    byte[] event = event(body);
                    Path eventFile = Files.createTempFile("sqlscore-event", ".json");
                    try {
                        Files.write(eventFile, event);
                        byte[] csv = csv(body);
                        Timings.Step floor = floor(http, model, csv);
                        Timings.Step sdkCall = sdkCall(sdk, csv);
                        Timings.Step javaBatch = java.batch(event);
                        Timings.warm(ROUND_WARMUP_TIME, javaBatch);
                        Timings.warm(ROUND_WARMUP_TIME, sdkCall);
                        Timings.warm(ROUND_WARMUP_TIME, floor);
                        List<Round> floors = new ArrayList<>();
                        List<Round> sdkCalls = new ArrayList<>();
                        List<Round> javas = new ArrayList<>();
                        List<double[]> pythons = new ArrayList<>();
                        double[] ratios = new double[ROUNDS];
                        for (int round = 0; round < ROUNDS; round++) {
                            floors.add(Round.of(floor));
                            sdkCalls.add(Round.of(sdkCall));
                            javas.add(Round.of(javaBatch));
                            PythonRun peer = python(python, script, model, eventFile);
                            pythons.add(peer.millis());
                            peerVersion = peer.version();
                            ratios[round] = p50(javas.get(round).millis()) / p50(peer.millis());
                            System.out.printf("| %,d | %d | %s | %s | %s | %.2f | %.2f |%n", rows, round + 1,
                                    floors.get(round), sdkCalls.get(round), javas.get(round), p50(peer.millis()),
                                    ratios[round]);
                        }
                        double javaAll = p50(Round.millis(javas));
                        String versusNodelay = "";
                        if (sending == InstantModelServer.Sending.NODELAY) {
                            javaNodelay.put(rows, javaAll);
                        } else {
                            versusNodelay = String.format(" | %.2f", javaAll / javaNodelay.get(rows));
                        }
                        summary.add(String.format("| %,d | %s | %s | %s | %s | %.2f | %.2f%s |", rows,
                                sending == InstantModelServer.Sending.NAGLE ? "Nagle on" : "TCP_NODELAY",
                                Round.summary(floors), Round.summary(sdkCalls), Round.summary(javas),
                                p50(concat(pythons)), median(ratios), versusNodelay.isEmpty() ? " | " : versusNodelay));
                    } finally {
                        Files.deleteIfExists(eventFile);
                    }
                }
                if (sending == InstantModelServer.Sending.NODELAY) {
                    largest(java);
                }
            }
        }
        System.out.printf("%n| rows x 13 | model server | floor p50 ms (CPU) | SDK call p50 ms (CPU) "
                + "| Java p50 ms (CPU) | Python p50 ms | Java / Python (median of %d rounds) "
                + "| Java, Nagle / TCP_NODELAY |%n", ROUNDS);
        System.out.println("|---|---|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
        System.out.printf("%s; measured %s, %d cores, JDK %s, JIT: %s, %s; Java's cryptography: %s%n", peerVersion,
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), jit(),
                tls == null ? "plain HTTP" : "over TLS", NativeCrypto.status().description());
    }

    /** Which compilers this JVM runs: Lambda's java17 and java21 runtimes stop at C1 unless told otherwise. */
    static String jit() {
        String stopLevel = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel").getValue();
        return "1".equals(stopLevel) ? "C1 only (-XX:TieredStopAtLevel=1, Lambda's java21 default)"
                : "C1 and C2 (TieredStopAtLevel=" + stopLevel + ")";
    }

    /** Allocation, and the largest batch API Gateway delivers: 6 MB of JSON decompressed (two model calls). */
    private static void largest(JavaHandler java) throws Exception {
        byte[] body = TestEvents.churnBatch(ALLOCATION_ROWS);
        java.allocation(event(body), body.length);
        byte[] largest = TestEvents.churnBatch(LARGEST_ROWS);
        byte[] largestEvent = event(largest);
        double[] large = Timings.time(LARGEST_WARMUP, ALLOCATION_BATCHES, java.batch(largestEvent));
        System.out.printf("Java handler, the largest batch (%,d rows, %.2f MB body): p50 %.1f ms, p99 %.1f ms%n",
                LARGEST_ROWS, largest.length / 1e6, p50(large), Timings.percentile(large, 99));
        java.allocation(largestEvent, largest.length);
    }

    /** The batch in all of API Gateway's event around it (28 headers twice over, the request context), as deployed. */
    private static byte[] event(byte[] body) {
        return TestEvents.gatewayPost(InstantModelServer.ENDPOINT, PayloadFormat.CSV.mediaType(), body);
    }

    /** The CSV body the handlers send the model for a batch. */
    private static byte[] csv(byte[] body) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (JsonNode row : TestEvents.JSON.readTree(body).get("data")) {
            List<String> values = new ArrayList<>();
            row.get(1).forEach(value -> values.add(value.asText()));
            csv.append(String.join(",", values)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The CSV body posted straight to the model server through the handler's HTTP client, without the SDK or the
     * handler: the server's own time, and the wire's.
     */
    private static Timings.Step floor(SocketHttpClient http, URI model, byte[] payload) {
        HttpExecuteRequest request = HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                        .uri(model.resolve("/endpoints/" + InstantModelServer.ENDPOINT + "/invocations"))
                        .putHeader("Content-Type", "text/csv").putHeader("Accept", "text/csv")
                        .putHeader("Content-Length", Integer.toString(payload.length)).build())
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(payload)).build();
        return () -> {
            HttpExecuteResponse response = http.prepareRequest(request).call();
            try (var answer = response.responseBody().orElseThrow()) {
                answer.readAllBytes();
            }
            if (response.httpResponse().statusCode() != 200) {
                throw new IllegalStateException("the model server answered " + response.httpResponse().statusCode());
            }
        };
    }

    /**
     * The CSV body sent through the SDK as the handler builds it (signing, retries, its HTTP client), without the
     * handler: what the SDK adds to the floor, and what the handler adds to it.
     */
    private static Timings.Step sdkCall(SageMakerModelInvoker sdk, byte[] payload) {
        ModelRequest request = new ModelRequest(InstantModelServer.ENDPOINT, "text/csv", "text/csv", null, null,
                null, null, payload);
        return () -> sdk.invoke(request, SDK_CALL_TIMEOUT);
    }

    /** The production handler, its SDK aimed at the model server; its batch lines give the SDK call's time. */
    private static final class JavaHandler {

        /** Counts the batch lines as a Lambda's standard output would take them, without keeping them. */
        private final LongAdder logLines = new LongAdder();
        private final ExternalFunctionHandler handler;
        private static final byte[] SUCCESS = "{\"statusCode\":200,".getBytes(StandardCharsets.US_ASCII);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        JavaHandler(URI model) {
            System.setProperty("aws.endpointUrlSageMakerRuntime", model.toString());
            System.setProperty("aws.region", "us-east-1");
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
            handler = new ExternalFunctionHandler(Map.of(), line -> logLines.increment());
        }

        Timings.Step batch(byte[] event) {
            return () -> {
                out.reset();
                handler.handleRequest(new ByteArrayInputStream(event), out, null);
                // Looked at without decoding the answer: the check's own time counts as the handler's.
                if (!Arrays.equals(out.toByteArray(), 0, SUCCESS.length, SUCCESS, 0, SUCCESS.length)) {
                    throw new IllegalStateException("the batch failed: " + out.toString(StandardCharsets.UTF_8));
                }
            };
        }

        void allocation(byte[] event, int bodyBytes) throws Exception {
            Timings.Step once = batch(event);
            long before = THREADS.getTotalThreadAllocatedBytes();
            for (int i = 0; i < ALLOCATION_BATCHES; i++) {
                once.run();
            }
            double perBatch = (THREADS.getTotalThreadAllocatedBytes() - before) / (double) ALLOCATION_BATCHES;
            System.out.printf("Java handler: %.1f MB allocated per batch, %.1f bytes per byte of batch body (%.2f MB)"
                    + " and %.1f per byte of event (%.2f MB)%n", perBatch / 1e6, perBatch / bodyBytes,
                    bodyBytes / 1e6, perBatch / event.length, event.length / 1e6);
        }
    }

    /**
     * One round of one step: its times, and the CPU time of the benchmark's thread per call over the round (warm-up
     * calls included), which is where the floor, the SDK and the handler spend their own time; the model server's is
     * in its own process, and the rest of a call's time is waiting for it and for the network.
     */
    private record Round(double[] millis, double cpuMillis) {

        static Round of(Timings.Step step) throws Exception {
            long cpu = THREADS.getCurrentThreadCpuTime();
            double[] millis = Timings.time(ROUND_WARMUP, PER_ROUND, step);
            return new Round(millis, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / (ROUND_WARMUP + PER_ROUND));
        }

        static double[] millis(List<Round> rounds) {
            return concat(rounds.stream().map(Round::millis).toList());
        }

        /** The p50 of every round's times, and the median of the rounds' CPU per call. */
        static String summary(List<Round> rounds) {
            return String.format("%.2f (%.2f)", p50(millis(rounds)),
                    median(rounds.stream().mapToDouble(Round::cpuMillis).toArray()));
        }

        @Override
        public String toString() {
            return String.format("%.2f (%.2f)", p50(millis), cpuMillis);
        }
    }

    private record PythonRun(double[] millis, String version) {
    }

    private static PythonRun python(Path python, Path script, URI model, Path eventFile) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), eventFile.toString(),
                InstantModelServer.ENDPOINT, Integer.toString(ROUND_WARMUP), Integer.toString(PER_ROUND))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", model.toString());
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        if (tls != null) {
            builder.environment().put("AWS_CA_BUNDLE", tls.pem().toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the Python peer failed (is python3-boto3 installed?): " + output);
        }
        JsonNode result = TestEvents.JSON.readTree(output);
        double[] millis = new double[result.get("millis").size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = result.get("millis").get(i).asDouble();
        }
        return new PythonRun(millis, "Python peer: Python " + result.get("python").asText() + ", boto3 "
                + result.get("boto3").asText());
    }

    /**
     * A key store with a certificate for {@code localhost}, made by the JDK's keytool: the JVM trusts it as its trust
     * store (so the handler's SDK client does, as it trusts SageMaker's through the default one), Python through
     * {@code AWS_CA_BUNDLE}.
     */
    private record Tls(Path keystore, Path pem) {

        static final String PASSWORD = "side-by-side";

        static Tls create() throws Exception {
            Path dir = Files.createTempDirectory("sqlscore-tls");
            LocalTls tls = LocalTls.create(dir, PASSWORD);
            System.setProperty("javax.net.ssl.trustStore", tls.keystore().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            return new Tls(tls.keystore(), tls.exportPem(dir.resolve("server.pem")));
        }
    }

    private static double p50(double[] millis) {
        return Timings.percentile(millis, 50);
    }

    private static double median(double[] values) {
        return Timings.percentile(values, 50);
    }

    private static double[] concat(List<double[]> rounds) {
        return rounds.stream().flatMapToDouble(Arrays::stream).toArray();
    }
}
