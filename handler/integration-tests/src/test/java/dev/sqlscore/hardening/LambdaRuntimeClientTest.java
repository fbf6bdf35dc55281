package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.modelserver.ModelServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code handler.jar} under the official Lambda Java runtime interface client, started with the command
 * line Lambda's java21 runtime uses for 640 MB (C1 only): it answers a batch, and its start line says it signs and
 * encrypts with AWS-LC, loaded from inside the shaded artifact (this is a Linux x86_64 build machine).
 */
class LambdaRuntimeClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 100;

    @Test
    void theArtifactAnswersAndLoadsAwsLcUnderLambdasJvmFlags() throws Exception {
        Path jar = Path.of(System.getProperty("handler.jar", "../target/handler.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it first (./mvnw -B package -DskipTests)");
        List<String> output = new CopyOnWriteArrayList<>();
        try (ModelServer model = ModelServer.builder().endpoint(MemoryFloorBenchmark.ENDPOINT,
                ChurnBatch::firstFeature).start();
             LambdaRuntimeApi runtime = LambdaRuntimeApi.start()) {
            Process lambda = MemoryFloorBenchmark.launch(jar, 640, runtime.address(), model.endpointUri(), null);
            try {
                Thread.ofPlatform().daemon().start(() -> read(lambda, output));
                byte[] event = MemoryFloorBenchmark.event(new MemoryFloorBenchmark.Shape("small", 13, ROWS), ROWS);

                LambdaRuntimeApi.Outcome answer = runtime.invoke(event, Duration.ofSeconds(30))
                        .get(90, TimeUnit.SECONDS);

                assertFalse(answer.error(), new String(answer.body(), StandardCharsets.UTF_8));
                JsonNode proxy = JSON.readTree(answer.body());
                assertEquals(200, proxy.path("statusCode").asInt(), proxy.toString());
                assertEquals(ROWS, JSON.readTree(proxy.path("body").asText()).path("data").size());
                JsonNode start = startLine(output);
                assertEquals("cold", start.path("start").asText());
                assertTrue(start.path("crypto").asText().startsWith("AWS-LC (AmazonCorrettoCryptoProvider 2."),
                        start.toString());
            } finally {
                lambda.destroyForcibly();
                lambda.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The start line, read from the function's output as it comes (it is written before the answer). */
    private static JsonNode startLine(List<String> output) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < giveUp) {
            for (String line : output) {
                if (line.startsWith("{\"event\":\"sqlscore.start\"")) {
                    return JSON.readTree(line);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no start line in the function's output:\n" + String.join("\n", output));
    }

    private static void read(Process lambda, List<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(lambda.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
