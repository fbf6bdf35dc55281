package dev.sqlscore.sagemaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.local.demo.AwsEndpointOverride;
import dev.sqlscore.model.ModelInvocationException.Failure;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.modelserver.TestModels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/** The real SDK client against the local SageMaker-protocol server: what goes on the wire, how failures map. */
class SageMakerModelInvokerTest {

    private static final String CANARY = "CANARY-row-data-4417";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TestModels.Recorder model = new TestModels.Recorder(TestModels::firstFeature);
    private final AtomicInteger attempts = new AtomicInteger();
    private ModelServer server;
    private SageMakerModelInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SageMakerModelInvoker start(FaultHook hook) {
        server = ModelServer.builder().endpoint("churn", model).faultHook(invocation -> {
            attempts.incrementAndGet();
            return hook.before(invocation);
        }).start();
        invoker = SageMakerTestClients.invoker(server.endpointUri());
        return invoker;
    }

    private static ModelRequest request(String endpoint) {
        return new ModelRequest(endpoint, "text/csv", "text/csv", null, null, null, null,
                ("0.25,1," + CANARY + "\n-1,0,x\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsASignedInvokeEndpointWithEveryHeaderTheFunctionSet() {
        start(FaultHook.NONE);
        ModelRequest request = new ModelRequest("churn", "text/csv; charset=utf-8", "application/json",
                "model-b.tar.gz", "blue", "churn-ic-1", "trace=on", "0.25,1\n-1,0\n".getBytes(StandardCharsets.UTF_8));
        ModelResponse response = invoker.invoke(request, TIMEOUT);

        assertEquals("text/csv", response.contentType());
        assertEquals("0.25\n-1\n", new String(response.body(), StandardCharsets.UTF_8));
        Invocation sent = model.last();
        assertEquals("churn", sent.request().endpointName());
        assertEquals("text/csv; charset=utf-8", sent.request().contentType());
        assertEquals("application/json", sent.request().accept());
        assertEquals("model-b.tar.gz", sent.request().targetModel());
        assertEquals("blue", sent.request().targetVariant());
        assertEquals("churn-ic-1", sent.request().inferenceComponent());
        assertEquals("trace=on", sent.request().customAttributes());
        assertArrayEquals(request.body(), sent.request().body());
        String authorization = sent.headers().first("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + SageMakerTestClients.ACCESS_KEY_ID + "/"),
                authorization);
        assertTrue(authorization.contains("/us-east-1/sagemaker/aws4_request"), authorization);
        assertTrue(sent.headers().first("X-Amz-Date").isPresent());
    }

    @Test
    void inMemoryTakesTheSdkPathBothWaysWithoutANetwork() {
        List<ModelRequest> seen = new CopyOnWriteArrayList<>();
        ModelRequest request = new ModelRequest("churn", "application/json", "application/jsonlines", "m.tar.gz",
                "blue", "ic-1", "a=b", "{\"instances\":[[1]]}".getBytes(StandardCharsets.UTF_8));
        try (SageMakerModelInvoker inMemory = SageMakerModelInvoker.inMemory((sent, timeout) -> {
            seen.add(sent);
            return new ModelResponse("application/jsonlines", "0.5\n".getBytes(StandardCharsets.UTF_8));
        })) {
            ModelResponse response = inMemory.invoke(request, TIMEOUT);
            assertEquals("application/jsonlines", response.contentType());
            assertEquals("0.5\n", new String(response.body(), StandardCharsets.UTF_8));
        }
        ModelRequest sent = seen.getFirst();
        assertEquals(List.of("churn", "application/json", "application/jsonlines", "m.tar.gz", "blue", "ic-1", "a=b"),
                List.of(sent.endpointName(), sent.contentType(), sent.accept(), sent.targetModel(),
                        sent.targetVariant(), sent.inferenceComponent(), sent.customAttributes()));
        assertArrayEquals(request.body(), sent.body());
    }

    @Test
    void leavesOptionalHeadersOutWhenTheFunctionSetNone() {
        start(FaultHook.NONE);
        invoker.invoke(request("churn"), TIMEOUT);
        Invocation sent = model.last();
        assertEquals(null, sent.request().targetModel());
        assertEquals(null, sent.request().targetVariant());
        assertEquals(null, sent.request().inferenceComponent());
        assertEquals(null, sent.request().customAttributes());
    }

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void createHonoursTheSdksStandardEndpointOverride() {
        start(FaultHook.NONE);
        try (AwsEndpointOverride defaults = AwsEndpointOverride.pointAt(server.endpointUri());
             SageMakerModelInvoker fromDefaults = SageMakerModelInvoker.create()) {
            ModelResponse response = fromDefaults.invoke(request("churn"), TIMEOUT);
            assertEquals("0.25\n-1\n", new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of(Reply.throttling(), Failure.THROTTLED, "throttled", 3),
                Arguments.of(Reply.modelNotReady(), Failure.UNAVAILABLE, "not ready", 3),
                Arguments.of(Reply.serviceUnavailable(), Failure.UNAVAILABLE, "ServiceUnavailable, HTTP 503", 3),
                Arguments.of(Reply.internalFailure(), Failure.UNAVAILABLE, "InternalFailure, HTTP 500", 3),
                // The SDK retries 500, 502, 503 and 504 only, so 530 is not retried; Snowflake retries the batch.
                Arguments.of(new Reply.ServiceError(530, "InternalDependencyException", "dependency failed"),
                        Failure.UNAVAILABLE, "InternalDependencyException", 1),
                Arguments.of(Reply.containerError(400, "bad row " + CANARY), Failure.MODEL_REJECTED_INPUT,
                        "answered HTTP 400", 1),
                Arguments.of(Reply.containerError(429, "busy " + CANARY), Failure.THROTTLED, "HTTP 429", 1),
                Arguments.of(Reply.containerError(503, "crashed on " + CANARY), Failure.UNAVAILABLE, "HTTP 503", 1),
                Arguments.of(Reply.validationError("Inference Component Name header is required"),
                        Failure.INVALID_REQUEST, "Inference Component Name header is required", 1),
                Arguments.of(Reply.accessDenied("User: arn:aws:sts::000000000000:assumed-role/sqlscore/fn is not "
                        + "authorized to perform: sagemaker:InvokeEndpoint"), Failure.ACCESS_DENIED,
                        "execution role sagemaker:InvokeEndpoint", 1),
                Arguments.of(Reply.expiredToken(), Failure.ACCESS_DENIED, "ExpiredTokenException", 1));
    }

    @ParameterizedTest
    @MethodSource("serviceErrors")
    void mapsEachSageMakerErrorToAFailureSnowflakeCanActOn(Reply reply, Failure failure, String message,
                                                           int expectedAttempts) {
        start(invocation -> FaultHook.Action.reply(reply));
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), TIMEOUT));
        assertEquals(failure, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(CANARY), "row data leaked: " + e.getMessage());
        assertEquals(expectedAttempts, attempts.get(), "SDK attempts");
    }

    @Test
    void modelErrorsPointAtTheContainersLogsInsteadOfQuotingThem() {
        start(invocation -> FaultHook.Action.reply(Reply.containerError(400, "could not parse " + CANARY)));
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), TIMEOUT));
        assertTrue(e.getMessage().contains("CloudWatch log group /aws/sagemaker/Endpoints/churn"), e.getMessage());
        assertTrue(e.getMessage().contains("log stream arn:aws:logs:us-east-1:000000000000:log-group:"),
                e.getMessage());
        assertFalse(e.getMessage().contains(CANARY));
    }

    /** Locally (serve, demo: the SDK pointed at a model server), the container's message is in that server's output. */
    @Test
    void locallyTheModelErrorPointsAtTheModelServerNotAtCloudWatch() {
        start(invocation -> FaultHook.Action.reply(Reply.containerError(400, "could not parse " + CANARY)));
        String previous = System.setProperty("aws.endpointUrlSageMakerRuntime", "http://127.0.0.1:9000");
        try {
            ModelInvocationException e = assertThrows(ModelInvocationException.class,
                    () -> invoker.invoke(request("churn"), TIMEOUT));
            assertTrue(e.getMessage().contains("read it in the output of the model server at http://127.0.0.1:9000 "
                    + "(for ./sqlscore serve --demo-model and demo: their standard error)"), e.getMessage());
            assertFalse(e.getMessage().contains("arn:aws:logs"), e.getMessage());
            assertFalse(e.getMessage().contains(CANARY));
        } finally {
            if (previous == null) {
                System.clearProperty("aws.endpointUrlSageMakerRuntime");
            } else {
                System.setProperty("aws.endpointUrlSageMakerRuntime", previous);
            }
        }
    }

    @Test
    void anUnknownEndpointIsAnInvalidRequestNamingTheHeaderAndRegion() {
        start(FaultHook.NONE);
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("no-such-endpoint"), TIMEOUT));
        assertEquals(Failure.INVALID_REQUEST, e.failure());
        assertTrue(e.getMessage().contains("Endpoint no-such-endpoint of account 000000000000 not found"),
                e.getMessage());
        assertTrue(e.getMessage().contains("sagemaker-endpoint-name header"), e.getMessage());
        assertTrue(e.getMessage().contains("region"), e.getMessage());
    }

    @Test
    void retriesATransientFailureWithinTheCall() {
        start(invocation -> attempts.get() == 1
                ? FaultHook.Action.reply(Reply.serviceUnavailable()) : FaultHook.Action.proceed());
        ModelResponse response = invoker.invoke(request("churn"), TIMEOUT);
        assertEquals("0.25\n-1\n", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(2, attempts.get());
    }

    @Test
    void connectionResetsAreUnavailableAfterTheBoundedRetries() {
        start(invocation -> FaultHook.Action.dropConnection());
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), TIMEOUT));
        assertEquals(Failure.UNAVAILABLE, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("connection to SageMaker failed"), e.getMessage());
        assertEquals(SageMakerModelInvoker.MAX_ATTEMPTS, attempts.get());
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        start(FaultHook.NONE);
        server.close(); // nothing listens on its port any more: connections are refused
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), TIMEOUT));
        assertEquals(Failure.UNAVAILABLE, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }

    @Test
    void truncatedAnswersAreUnavailable() {
        start(invocation -> FaultHook.Action.truncateAnswer());
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), TIMEOUT));
        assertEquals(Failure.UNAVAILABLE, e.failure(), e.getMessage());
    }

    @Test
    void aSlowModelTimesOutAtTheCallsTimeoutRetriesIncluded() {
        CountDownLatch release = new CountDownLatch(1);
        start(invocation -> {
            release.await();
            return FaultHook.Action.proceed();
        });
        try {
            ModelInvocationException e = assertThrows(ModelInvocationException.class,
                    () -> invoker.invoke(request("churn"), Duration.ofMillis(300)));
            assertEquals(Failure.TIMED_OUT, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("within the 300 ms"), e.getMessage());
            assertEquals(1, release.getCount(), "the call returned while the model was still held");
        } finally {
            release.countDown();
        }
    }

    @Test
    void noTimeLeftFailsWithoutCallingSageMaker() {
        start(FaultHook.NONE);
        ModelInvocationException e = assertThrows(ModelInvocationException.class,
                () -> invoker.invoke(request("churn"), Duration.ZERO));
        assertEquals(Failure.TIMED_OUT, e.failure());
        assertEquals(0, attempts.get());
    }

    @Test
    void missingCredentialsAreAccessDeniedWithAdvice() {
        start(FaultHook.NONE);
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        SageMakerRuntimeClient client = SageMakerModelInvoker.clientBuilder().region(Region.US_EAST_1)
                .credentialsProvider(none).endpointOverride(server.endpointUri()).build();
        try (SageMakerModelInvoker withoutCredentials = SageMakerModelInvoker.create(client)) {
            ModelInvocationException e = assertThrows(ModelInvocationException.class,
                    () -> withoutCredentials.invoke(request("churn"), TIMEOUT));
            assertEquals(Failure.ACCESS_DENIED, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("execution role"), e.getMessage());
            assertEquals(0, attempts.get());
        }
    }
}
