package dev.sqlscore.local.demo;

import dev.sqlscore.local.s3.LocalS3;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the AWS SDK's standard configuration at a local SageMaker-protocol endpoint (and, for asynchronous
 * functions, a local S3 server), with a region and fake static credentials, through the system properties the SDK
 * reads before the environment ({@code aws.endpointUrlSageMakerRuntime}, the system-property twin of
 * {@code AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME}; {@code aws.endpointUrlS3}; {@code aws.region}; {@code aws.accessKeyId}
 * and {@code aws.secretAccessKey}). Clients built while it is open use the local endpoints; {@link #close()} puts
 * the previous values back. For the offline demo and tests: not thread-safe, one at a time per process.
 */
public final class AwsEndpointOverride implements AutoCloseable {

    static final String ENDPOINT_PROPERTY = "aws.endpointUrlSageMakerRuntime";
    static final String S3_ENDPOINT_PROPERTY = "aws.endpointUrlS3";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private AwsEndpointOverride(URI endpoint, URI s3) {
        set(ENDPOINT_PROPERTY, endpoint.toString());
        set(S3_ENDPOINT_PROPERTY, s3 == null ? null : s3.toString());
        set("aws.region", "us-east-1");
        set("aws.accessKeyId", LocalS3.ACCESS_KEY);
        set("aws.secretAccessKey", LocalS3.SECRET_KEY);
        set("aws.sessionToken", null);
    }

    public static AwsEndpointOverride pointAt(URI endpoint) {
        return new AwsEndpointOverride(endpoint, null);
    }

    /** SageMaker at {@code sageMaker}, S3 at {@code s3} (the credentials are the local S3 server's too). */
    public static AwsEndpointOverride pointAt(URI sageMaker, URI s3) {
        return new AwsEndpointOverride(sageMaker, s3);
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
