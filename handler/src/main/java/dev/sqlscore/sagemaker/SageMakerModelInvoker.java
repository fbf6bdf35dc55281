package dev.sqlscore.sagemaker;

import dev.sqlscore.async.S3Location;
import dev.sqlscore.http.SocketHttpClient;
import dev.sqlscore.model.AsyncModelInvoker;
import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointAsyncRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointAsyncResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * {@link ModelInvoker} over SageMaker's {@code InvokeEndpoint}. Thread-safe; build one per process and share it.
 *
 * <p>Each call is bounded as a whole, SDK retries included, by the timeout the scorer passes (the SDK's
 * {@code apiCallTimeout}); past it the call fails with {@link ModelInvocationException.Failure#TIMED_OUT}.
 * Every SDK failure becomes a {@link ModelInvocationException}; see {@link SageMakerFailures}.
 */
public final class SageMakerModelInvoker implements ModelInvoker, AsyncModelInvoker, AutoCloseable {

    /** One first try and two retries, all inside the call's timeout. */
    static final int MAX_ATTEMPTS = 3;
    /** Only bounds connecting: the call's own timeout bounds the rest. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Above SageMaker's 60 s invocation limit, so that the call's timeout, not the socket, ends a slow call. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(65);

    private final SageMakerRuntimeClient client;

    private SageMakerModelInvoker(SageMakerRuntimeClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The Lambda path: a client built once from {@link #clientBuilder()}, with the SDK's default region and
     * credentials chains. The SDK itself honours the standard endpoint override ({@code
     * AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME}, then {@code AWS_ENDPOINT_URL}, or the system property {@code
     * aws.endpointUrlSageMakerRuntime}), which is how a local model server is reached without code changes.
     *
     * @throws software.amazon.awssdk.core.exception.SdkClientException when no region can be found
     */
    public static SageMakerModelInvoker create() {
        return new SageMakerModelInvoker(clientBuilder().build());
    }

    /** Over a client the caller built and owns the configuration of (tests, local tools). */
    public static SageMakerModelInvoker create(SageMakerRuntimeClient client) {
        return new SageMakerModelInvoker(client);
    }

    /**
     * An invoker that takes the whole SDK path (marshalling, SigV4 signing, retries, unmarshalling) but whose HTTP
     * client answers from {@code model} in memory, for SnapStart priming: it warms the SDK without a network call.
     * Its region, credentials and endpoint are fixed placeholders, so nothing is resolved from the environment.
     */
    public static SageMakerModelInvoker inMemory(ModelInvoker model) {
        return new SageMakerModelInvoker(SageMakerRuntimeClient.builder()
                .httpClient(new InMemoryHttpClient(model))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDINMEMORY", "in-memory-placeholder")))
                .endpointOverride(URI.create("http://in-memory.invalid"))
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()))
                .build());
    }

    /**
     * The model server the SDK is pointed at instead of SageMaker (its endpoint override, as the SDK resolves it:
     * system property, then environment), when there is one: {@code serve}, {@code demo}, tests.
     */
    public static Optional<String> endpointOverride() {
        return Optional.ofNullable(System.getProperty("aws.endpointUrlSageMakerRuntime"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .filter(url -> !url.isBlank());
    }

    /**
     * The configuration {@link #create()} uses: HTTP/1.1 on the JDK's sockets ({@link SocketHttpClient}: kept-alive
     * connections reused without a wait, no Nagle stalls; the Apache and Netty clients are kept out of the artifact),
     * and a bounded standard retry strategy. Callers may add a region,
     * credentials or an endpoint before building.
     */
    public static SageMakerRuntimeClientBuilder clientBuilder() {
        return SageMakerRuntimeClient.builder()
                .httpClient(SocketHttpClient.builder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .readTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
    }

    /**
     * SDK retries for throttling, 5xx and I/O failures. Explicit rather than the SDK's default mode, which
     * depends on the environment ({@code AWS_RETRY_MODE}) and is "legacy" (4 attempts) unless set.
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    }

    @Override
    public ModelResponse invoke(ModelRequest request, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw SageMakerFailures.outOfTime(request.endpointName(), timeout, null);
        }
        InvokeEndpointRequest sdkRequest = InvokeEndpointRequest.builder()
                .endpointName(request.endpointName())
                .contentType(request.contentType())
                .accept(request.accept())
                .targetModel(request.targetModel())
                .targetVariant(request.targetVariant())
                .inferenceComponentName(request.inferenceComponent())
                .customAttributes(request.customAttributes())
                .body(SdkBytes.fromByteArrayUnsafe(request.body()))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        try {
            InvokeEndpointResponse response = client.invokeEndpoint(sdkRequest);
            return new ModelResponse(response.contentType(), response.body().asByteArrayUnsafe());
        } catch (SdkException e) {
            throw SageMakerFailures.classify(e, request.endpointName(), timeout);
        }
    }

    /** {@code InvokeEndpointAsync}: the payload is already in S3; answers with where the outcome will appear. */
    @Override
    public Queued invokeAsync(AsyncModelInvoker.Request request, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw SageMakerFailures.outOfTime(request.endpointName(), timeout, null);
        }
        InvokeEndpointAsyncRequest sdkRequest = InvokeEndpointAsyncRequest.builder()
                .endpointName(request.endpointName())
                .contentType(request.contentType())
                .accept(request.accept())
                .customAttributes(request.customAttributes())
                .inferenceId(request.inferenceId())
                .inputLocation(request.input().uri())
                .invocationTimeoutSeconds(request.invocationTimeoutSeconds())
                .requestTTLSeconds(request.requestTtlSeconds())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        try {
            InvokeEndpointAsyncResponse response = client.invokeEndpointAsync(sdkRequest);
            return new Queued(S3Location.parse(response.outputLocation()), response.failureLocation() == null
                    ? null : S3Location.parse(response.failureLocation()));
        } catch (SdkException e) {
            throw SageMakerFailures.classify(e, request.endpointName(), timeout);
        } catch (IllegalArgumentException e) {
            throw new ModelInvocationException(ModelInvocationException.Failure.INVALID_REQUEST, "SageMaker answered "
                    + "the asynchronous request for endpoint " + request.endpointName() + " without an s3:// output "
                    + "location: is it an asynchronous endpoint?");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "SageMakerModelInvoker[" + client.serviceClientConfiguration().region() + "]";
    }
}
