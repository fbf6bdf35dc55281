package dev.sqlscore.sagemaker;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/** Real SDK clients aimed at a local model server, configured as in production except for retry delays. */
public final class SageMakerTestClients {

    public static final String ACCESS_KEY_ID = "AKIDSQLSCORETEST";
    public static final String SECRET_ACCESS_KEY = "sqlscore-test-secret";

    private SageMakerTestClients() {
    }

    /** The production client configuration, with retries that do not wait: the suite stays fast. */
    public static SageMakerRuntimeClient forEndpoint(URI endpoint) {
        return SageMakerModelInvoker.clientBuilder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .endpointOverride(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(SageMakerModelInvoker.retryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build()))
                .build();
    }

    public static SageMakerModelInvoker invoker(URI endpoint) {
        return SageMakerModelInvoker.create(forEndpoint(endpoint));
    }
}
