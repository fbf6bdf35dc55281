package dev.sqlscore.sagemaker;

import dev.sqlscore.bench.Timings;
import dev.sqlscore.http.SocketHttpClient;
import dev.sqlscore.lambda.InstantModelServer;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Where an {@code InvokeEndpoint} call's time goes, for one 10,000 x 13 CSV body against a local SageMaker-protocol
 * server in a process of its own that answers at once: the SDK's own work with an in-memory HTTP client (marshalling,
 * SigV4 with the body's SHA-256, unmarshalling), then the whole call through the SDK's URL-connection client, which
 * writes the body 4 KB at a time and waits a millisecond on each kept connection, and through {@link SocketHttpClient}.
 * Not a test.
 *
 * <pre>
 * ./mvnw -B -q -pl .,handler,handler/testkit,handler/tools -DskipTests -DskipFuzz install
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@http-client
 * </pre>
 */
public final class HttpClientBenchmark {

    private static final int ROWS = 10_000;
    private static final int FEATURES = 13;
    private static final int WARMUP = 400;
    private static final int ITERATIONS = 400;
    private static final int ROUNDS = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private HttpClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] body = csv();
        try (InstantModelServer.Running server = InstantModelServer.Running.start(InstantModelServer.Sending.NODELAY)) {
            URI model = server.uri();
            ModelRequest request = new ModelRequest(InstantModelServer.ENDPOINT, "text/csv", "text/csv", null, null,
                    null, null, body);
            byte[] answer = "0.4821\n".repeat(ROWS).getBytes(StandardCharsets.UTF_8);
            try (SageMakerModelInvoker inMemory = SageMakerModelInvoker.inMemory(
                         (r, t) -> new ModelResponse("text/csv", answer));
                 SageMakerModelInvoker sdkClient = invoker(model, UrlConnectionHttpClient.builder()
                         .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(65)).build());
                 SageMakerModelInvoker sockets = invoker(model, SocketHttpClient.builder().build())) {
                System.out.printf("InvokeEndpoint, %,d x %d CSV body of %.2f MB, p50 / p90 ms over %d calls "
                        + "after %d warm-up calls%n", ROWS, FEATURES, body.length / 1e6, ITERATIONS, WARMUP);
                System.out.println("| client | round | p50 | p90 |");
                System.out.println("|---|---|---|---|");
                for (int round = 1; round <= ROUNDS; round++) {
                    time("SDK only, in-memory HTTP client", round, () -> inMemory.invoke(request, TIMEOUT));
                    time("SDK's URL-connection client (4 KB writes)", round,
                            () -> sdkClient.invoke(request, TIMEOUT));
                    time("SocketHttpClient (this handler's)", round, () -> sockets.invoke(request, TIMEOUT));
                }
                System.out.printf("measured %s, %d cores, JDK %s%n", LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(), Runtime.version());
            }
        }
    }

    private static SageMakerModelInvoker invoker(URI model, SdkHttpClient http) {
        return SageMakerModelInvoker.create(SageMakerRuntimeClient.builder()
                .httpClient(http)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(model)
                .overrideConfiguration(o -> o.retryStrategy(SageMakerModelInvoker.retryStrategy()))
                .build());
    }

    /** Churn-like rows: 13 signed decimals of 4 places each. */
    private static byte[] csv() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < ROWS; row++) {
            for (int feature = 0; feature < FEATURES; feature++) {
                csv.append(feature == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f",
                        random.nextDouble() * 2 - 1));
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void time(String client, int round, Timings.Step call) throws Exception {
        double[] millis = Timings.time(WARMUP, ITERATIONS, call);
        System.out.printf("| %s | %d | %.2f | %.2f |%n", client, round, Timings.percentile(millis, 50),
                Timings.percentile(millis, 90));
    }
}
