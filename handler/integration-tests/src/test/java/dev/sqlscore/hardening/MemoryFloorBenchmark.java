package dev.sqlscore.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.modelserver.ModelServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The smallest Lambda memory size that serves the largest batch API Gateway can hand the function: a 6 MB event
 * (Lambda's synchronous payload limit; API Gateway has already decompressed Snowflake's gzip body). For each size,
 * a fresh JVM runs the handler under the official Lambda Java runtime interface client against a local Runtime API
 * ({@link LambdaRuntimeApi}), with the JVM flags Lambda's java runtimes derive from the memory size (heap 85%,
 * metaspace 10%, code cache 5%, Serial GC, C1 only), and the real SDK calling a local SageMaker-protocol model.
 * With {@code cgroup} (root, cgroup v1 here) the process also gets Lambda's limits: memory.limit = the size (the
 * kernel kills it beyond, as Lambda does) and a CPU quota of size/1769 of one core (Lambda's one vCPU at 1,769 MB).
 * Reported per size and batch shape: every answer's status, the first (cold) and the worst warm handler time, and
 * the process's peak anonymous memory (what it cannot give back to the page cache) with the headroom left. Not a
 * test.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * mvn -B -q -pl handler/integration-tests exec:exec@memory-floor [-Dmemory.args="cgroup invocations=20 512"]
 * </pre>
 */
public final class MemoryFloorBenchmark {

    static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    static final int FULL_VCPU_MB = 1769;
    static final String ENDPOINT = "memory-floor";
    private static final int DEFAULT_INVOCATIONS = 5;
    private static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Integer> DEFAULT_SIZES = List.of(128, 192, 256, 320, 384, 448, 512, 1024);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryFloorBenchmark() {
    }

    /** A batch filling the payload limit: wide rows (13 features of 6 digits) or many narrow rows (row cap). */
    record Shape(String name, int features, int rowLimit) {
    }

    /** {@code peakAnonymousMb} sampled every 200 ms; {@code headroom} what is left of the size at that peak. */
    record Result(int memoryMb, List<String> statuses, long coldMillis, long worstWarmMillis, long peakAnonymousMb,
                  String failure) {
    }

    public static void main(String[] arguments) throws Exception {
        // Maven's exec plugin passes -Dmemory.args as one argument: split it.
        String[] args = Arrays.stream(arguments).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toArray(String[]::new);
        Path jar = Path.of(args.length > 0 && args[0].endsWith(".jar") ? args[0] : "handler/target/handler.jar");
        boolean cgroup = Arrays.asList(args).contains("--cgroup") || Arrays.asList(args).contains("cgroup");
        List<Integer> sizes = Arrays.stream(args).filter(a -> a.matches("\\d+")).map(Integer::valueOf).toList();
        int invocations = Arrays.stream(args).filter(a -> a.startsWith("invocations=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("invocations=".length()))).orElse(DEFAULT_INVOCATIONS);
        List<Shape> shapes = List.of(new Shape("wide 13x6-digit rows", 13, 100_000),
                new Shape("many rows (6 features, up to the 100,000-row cap)", 6, 100_000));
        System.out.printf(Locale.ROOT, "%s, %d cores, JDK %s, runtime interface client %s, %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), ricVersion(),
                cgroup ? "cgroup memory limit and CPU quota per size" : "no cgroup limits (peak RSS compared)");
        try (ModelServer model = ModelServer.builder().endpoint(ENDPOINT, ChurnBatch::firstFeature).start()) {
            for (Shape shape : shapes) {
                byte[] event = largestEvent(shape);
                System.out.printf(Locale.ROOT, "%n%s: event %,d bytes, %,d rows%n", shape.name(), event.length,
                        rows(event));
                System.out.println("| memory | statuses | cold | worst warm | peak anonymous memory | headroom "
                        + "| verdict |");
                System.out.println("|---|---|---|---|---|---|---|");
                for (int memoryMb : sizes.isEmpty() ? DEFAULT_SIZES : sizes) {
                    print(run(jar, memoryMb, event, model.endpointUri(), cgroup, invocations), invocations);
                }
            }
        }
    }

    static Result run(Path jar, int memoryMb, byte[] event, URI model, boolean cgroup, int invocations)
            throws IOException, InterruptedException {
        try (LambdaRuntimeApi runtime = LambdaRuntimeApi.start();
             CgroupLimits limits = cgroup ? CgroupLimits.create(memoryMb, FULL_VCPU_MB) : null) {
            Process process = launch(jar, memoryMb, runtime.address(), model, limits);
            Path log = Files.createTempFile("memory-floor-", ".log");
            Thread.ofPlatform().daemon().start(() -> drain(process, log));
            List<String> statuses = new ArrayList<>();
            long cold = -1;
            long worstWarm = 0;
            String failure = null;
            long peak = 0;
            try {
                for (int i = 0; i < invocations && failure == null; i++) {
                    var outcome = runtime.invoke(event, LAMBDA_TIMEOUT);
                    LambdaRuntimeApi.Outcome answer = null;
                    long waitUntil = System.nanoTime() + LAMBDA_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(60);
                    while (answer == null && failure == null) {
                        peak = Math.max(peak, anonymousKb(process));
                        try {
                            answer = outcome.get(200, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException stillRunning) {
                            if (!process.isAlive()) {
                                failure = "process died (exit " + process.exitValue() + ")" + tail(log);
                            } else if (runtime.initError().isDone()) {
                                failure = "init error: " + runtime.initError().join();
                            } else if (System.nanoTime() > waitUntil) {
                                failure = "no answer within the Lambda timeout";
                            }
                        } catch (ExecutionException e) {
                            failure = e.getCause().toString();
                        }
                    }
                    if (answer == null) {
                        break;
                    }
                    long millis = TimeUnit.NANOSECONDS.toMillis(answer.nanos());
                    statuses.add(answer.error() ? "error" : status(answer.body()));
                    if (i == 0) {
                        cold = millis;
                    } else {
                        worstWarm = Math.max(worstWarm, millis);
                    }
                    if (millis > LAMBDA_TIMEOUT.toMillis()) {
                        failure = "over the Lambda timeout";
                    }
                }
                peak = Math.max(peak, anonymousKb(process));
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            }
            return new Result(memoryMb, statuses, cold, worstWarm, peak / 1024, failure);
        }
    }

    /** The handler under the runtime interface client, with the JVM flags Lambda uses for this memory size. */
    static Process launch(Path jar, int memoryMb, String runtimeApi, URI model, CgroupLimits limits)
            throws IOException {
        long kb = memoryMb * 1024L;
        List<String> command = new ArrayList<>();
        if (limits != null) {
            command.addAll(limits.wrapperCommand());
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxHeapSize=" + kb * 85 / 100 + "k", "-XX:MaxMetaspaceSize=" + kb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + kb * 5 / 100 + "k", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true",
                "-cp", jar + File.pathSeparator + runtimeClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "dev.sqlscore.lambda.ExternalFunctionHandler::handleRequest"));
        ProcessBuilder builder = ServeProcess.pointAt(new ProcessBuilder(command).redirectErrorStream(true), model,
                ENDPOINT);
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "sqlscore-handler");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/sqlscore/bench/lambda");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "memory-floor");
        env.put("LAMBDA_TASK_ROOT", jar.toAbsolutePath().getParent().toString());
        env.put("_HANDLER", "dev.sqlscore.lambda.ExternalFunctionHandler::handleRequest");
        return builder.start();
    }

    /** The runtime interface client and its own dependencies, taken from this JVM's (test) class path. */
    private static String runtimeClientClasspath() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization"))
                .toList();
        if (entries.isEmpty()) {
            throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the class path");
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String ricVersion() {
        return runtimeClientClasspath().replaceAll(".*aws-lambda-java-runtime-interface-client-([^/]*?)\\.jar.*",
                "$1");
    }

    /** The largest Snowflake batch of this shape whose proxy event stays within Lambda's payload limit. */
    static byte[] largestEvent(Shape shape) throws IOException {
        int low = 1;
        int high = shape.rowLimit();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (event(shape, mid).length <= LAMBDA_PAYLOAD_LIMIT) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return event(shape, low);
    }

    static byte[] event(Shape shape, int rows) throws IOException {
        StringBuilder body = new StringBuilder(rows * (8 + shape.features() * 10)).append("{\"data\":[");
        for (int i = 0; i < rows; i++) {
            body.append(i == 0 ? "[" : ",[").append(i).append(",[").append(i);
            for (int f = 1; f < shape.features(); f++) {
                body.append(',').append(String.format(Locale.ROOT, "%.6f", ((i * 31 + f * 17) % 2000) / 1000.0 - 1));
            }
            body.append("]]");
        }
        body.append("]}");
        String request = "POST\nsf-external-function-format: json\nsf-external-function-format-version: 1.0\n"
                + "sf-external-function-query-batch-id: memory-floor\ncontent-type: application/json\n"
                + "sf-custom-sagemaker-endpoint-name: " + ENDPOINT + "\n\n" + body;
        return ProxyEvents.of(RawRequest.decode(request.getBytes(StandardCharsets.UTF_8))).json();
    }

    private static int rows(byte[] event) throws IOException {
        return JSON.readTree(JSON.readTree(event).path("body").asText()).path("data").size();
    }

    /** The proxy response's status, and whether every row came back. */
    private static String status(byte[] response) {
        try {
            JsonNode proxy = JSON.readTree(response);
            int status = proxy.path("statusCode").asInt();
            if (status != 200) {
                return Integer.toString(status);
            }
            return "200/" + JSON.readTree(proxy.path("body").asText()).path("data").size();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * The process's anonymous memory (heap, metaspace, code, stacks, native buffers), sampled: what it cannot give
     * back. Page cache and mapped files also count against a cgroup's limit but are reclaimed before a kill.
     */
    private static long anonymousKb(Process process) {
        // The child of the cgroup wrapper shell is the JVM; without a wrapper it is the process itself.
        List<ProcessHandle> candidates = new ArrayList<>(process.descendants().toList());
        candidates.add(process.toHandle());
        long peak = 0;
        for (ProcessHandle handle : candidates) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                    if (line.startsWith("RssAnon:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // exited between listing and reading
            }
        }
        return peak;
    }

    private static void print(Result result, int invocations) {
        boolean served = result.failure() == null && result.statuses().size() == invocations
                && result.statuses().stream().allMatch(status -> status.startsWith("200/"));
        long headroom = 100 - 100 * result.peakAnonymousMb() / result.memoryMb();
        String verdict = !served ? "fails: " + (result.failure() == null ? "not every batch answered 200"
                : result.failure()) : headroom > 0 ? "serves" : "answers, but uses more than the size";
        System.out.printf(Locale.ROOT, "| %d MB | %s | %s | %s | %d MB | %s | %s |%n", result.memoryMb(),
                summary(result.statuses()), result.coldMillis() < 0 ? "-" : result.coldMillis() + " ms",
                result.statuses().size() > 1 ? result.worstWarmMillis() + " ms" : "-", result.peakAnonymousMb(),
                headroom + "%", verdict);
        System.out.flush();
    }

    /** "5 x 200/48560", or each status when they differ. */
    private static String summary(List<String> statuses) {
        if (!statuses.isEmpty() && statuses.stream().distinct().count() == 1) {
            return statuses.size() + " x " + statuses.get(0);
        }
        return String.join(" ", statuses);
    }

    private static void drain(Process process, Path log) {
        try {
            Files.copy(process.getInputStream(), log, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            // The handler's own lines are JSON and the JVM's warnings are noise: keep what explains a death.
            List<String> last = lines.stream().filter(line -> !line.startsWith("{") && !line.startsWith("WARNING"))
                    .toList();
            last = last.subList(Math.max(0, last.size() - 2), last.size());
            return last.isEmpty() ? "" : ": " + String.join(" / ", last);
        } catch (IOException e) {
            return "";
        }
    }
}
