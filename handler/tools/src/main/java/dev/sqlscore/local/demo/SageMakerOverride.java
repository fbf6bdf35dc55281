package dev.sqlscore.local.demo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the AWS SDK's standard configuration at a local SageMaker-protocol endpoint, with a region and fake
 * static credentials, through the system properties the SDK reads before the environment
 * ({@code aws.endpointUrlSageMakerRuntime}, the system-property twin of
 * {@code AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME}; {@code aws.region}; {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey}). Clients built while it is open use the local endpoint; {@link #close()} puts
 * the previous values back. For the offline demo and tests: not thread-safe, one at a time per process.
 */
public final class SageMakerOverride implements AutoCloseable {

    static final String ENDPOINT_PROPERTY = "aws.endpointUrlSageMakerRuntime";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SageMakerOverride(URI endpoint) {
        set(ENDPOINT_PROPERTY, endpoint.toString());
        set("aws.region", "us-east-1");
        set("aws.accessKeyId", "local");
        set("aws.secretAccessKey", "local");
        set("aws.sessionToken", null);
    }

    public static SageMakerOverride pointAt(URI endpoint) {
        return new SageMakerOverride(endpoint);
    }

    private void set(String name, String value) {
        previous.put(name, System.getProperty(name));
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
