package dev.sqlscore.hardening;

import dev.sqlscore.sagemaker.SageMakerTestClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar sqlscore-tools.jar serve --port 0} as a child process, its SDK pointed at a local model server
 * through the standard environment variables (as a user runs it), on loopback only.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Serving the external function at (\\S+)");

    private final Process process;
    private final URI uri;
    /** {@link System#nanoTime()} just before the process was started. */
    private final long startedNanos;
    /** When the child said it listens. */
    private final long listeningNanos;

    private ServeProcess(Process process, URI uri, long startedNanos, long listeningNanos) {
        this.process = process;
        this.uri = uri;
        this.startedNanos = startedNanos;
        this.listeningNanos = listeningNanos;
    }

    /**
     * @param jar        the shaded sqlscore-tools.jar
     * @param jvmOptions options before {@code -jar}
     * @param modelUri   the local model server the SDK calls
     * @param endpoint   the one endpoint name allowed
     */
    static ServeProcess start(Path jar, List<String> jvmOptions, URI modelUri, String endpoint, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        pointAt(builder, modelUri, endpoint);
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("serve-output").start(() -> readOutput(process, listening));
        try {
            URI uri = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ServeProcess(process, uri, started, System.nanoTime());
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("serve did not start within " + timeout.toMillis() + " ms: " + e.getMessage(), e);
        }
    }

    /** The environment a deployment gives the handler, aimed at a local model server with test credentials. */
    static ProcessBuilder pointAt(ProcessBuilder builder, URI modelUri, String endpoint) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("SQLSCORE_"));
        env.put("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", modelUri.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", SageMakerTestClients.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SageMakerTestClients.SECRET_ACCESS_KEY);
        env.put("SQLSCORE_ALLOWED_ENDPOINTS", endpoint);
        return builder;
    }

    /** Drains the child's output (its per-batch log lines included) so that it never blocks on a full pipe. */
    private static void readOutput(Process process, CompletableFuture<URI> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    listening.complete(URI.create(serving.group(1)));
                } else if (!listening.isDone() && !line.startsWith("{")) {
                    System.err.println("serve: " + line);
                }
            }
            listening.completeExceptionally(new IOException("serve exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    long startedNanos() {
        return startedNanos;
    }

    Duration timeToListen() {
        return Duration.ofNanos(listeningNanos - startedNanos);
    }

    /** Stops it as Ctrl-C does, then for good if it has not exited within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
