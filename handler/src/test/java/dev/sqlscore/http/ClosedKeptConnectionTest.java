package dev.sqlscore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * A kept connection used moments ago is reused without looking for the server's close ({@link ConnectionPool}). A
 * server that closes one right after answering on it, without saying so, must cost the next call nothing but a
 * retry (and the SDK's backoff before it, a few hundred milliseconds): through the SDK as the handler builds it,
 * every call still gets its answer.
 */
class ClosedKeptConnectionTest {

    private static final int CALLS = 4;
    private static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 4\r\n\r\n0.5\n";

    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private ScriptedServer server;
    private SageMakerRuntimeClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerClosingEachConnectionAfterOneAnswerCostsARetryNotAnAnswer() throws IOException {
        server = new ScriptedServer((connection, in) -> {
            ScriptedServer.readRequest(in);
            served.incrementAndGet();
            ScriptedServer.write(connection, ANSWER);
            // and closes the connection, without a Connection: close header
        });
        client = SageMakerModelInvoker.clientBuilder()
                .endpointOverride(server.uri("/"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        attempts.incrementAndGet();
                    }
                }))
                .build();

        for (int call = 0; call < CALLS; call++) {
            String answer = client.invokeEndpoint(request -> request.endpointName("model").contentType("text/csv")
                    .body(SdkBytes.fromUtf8String("1,2\n"))).body().asString(StandardCharsets.UTF_8);
            assertEquals("0.5\n", answer, "call " + call);
        }
        assertEquals(CALLS, served.get(), "each call answered once");
        assertEquals(CALLS, server.connectionsAccepted(), "each answer on a connection of its own");
        // A call after the first finds the connection closed either at reuse (the close already reset it) or by
        // trying it and being retried; at least one of them is retried, none more than once.
        assertTrue(attempts.get() > CALLS && attempts.get() <= 2 * CALLS - 1, "attempts: " + attempts.get());
    }
}
