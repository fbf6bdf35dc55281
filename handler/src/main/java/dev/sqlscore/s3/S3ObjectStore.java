package dev.sqlscore.s3;

import dev.sqlscore.async.ObjectStore;
import dev.sqlscore.async.S3Location;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} over the AWS SDK's S3 client. Thread-safe; build one per process. Like the SageMaker client it
 * follows the SDK's standard configuration, endpoint override included ({@code AWS_ENDPOINT_URL_S3}, or the system
 * property {@code aws.endpointUrlS3}), which is how a local S3-protocol server is reached; with an override it
 * addresses buckets by path, as such servers expect.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);

    private final S3Client client;

    private S3ObjectStore(S3Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The Lambda path: region and credentials from the SDK's default chains. */
    public static S3ObjectStore create() {
        return new S3ObjectStore(clientBuilder().build());
    }

    public static S3ObjectStore create(S3Client client) {
        return new S3ObjectStore(client);
    }

    /**
     * The URL-connection HTTP client, checksums only where S3 requires them (SHA-256 of every small state object
     * buys nothing, and S3-protocol servers used locally reject the SDK's newer default checksums), and path-style
     * addressing when an endpoint override is set.
     */
    public static S3ClientBuilder clientBuilder() {
        boolean overridden = System.getProperty("aws.endpointUrlS3") != null
                || System.getenv("AWS_ENDPOINT_URL_S3") != null;
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(overridden);
    }

    @Override
    public Optional<StoredObject> get(S3Location location, Duration timeout) {
        try {
            ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(location.bucket())
                    .key(location.key()).overrideConfiguration(o -> o.apiCallTimeout(positive(timeout))));
            return Optional.of(new StoredObject(object.asByteArrayUnsafe(), object.response().contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw failure("reading", location, e);
        }
    }

    @Override
    public boolean exists(S3Location location, Duration timeout) {
        try {
            client.headObject(b -> b.bucket(location.bucket()).key(location.key())
                    .overrideConfiguration(o -> o.apiCallTimeout(positive(timeout))));
            return true;
        } catch (SdkException e) {
            if (notFound(e)) {
                return false;
            }
            throw failure("looking for", location, e);
        }
    }

    @Override
    public void put(S3Location location, byte[] body, String contentType, Duration timeout) {
        try {
            client.putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType(contentType)
                            .overrideConfiguration(o -> o.apiCallTimeout(positive(timeout))),
                    RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw failure("writing", location, e);
        }
    }

    /** HEAD answers a missing key with a bare 404; GET with NoSuchKey. */
    private static boolean notFound(SdkException e) {
        return e instanceof NoSuchKeyException || e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** The SDK refuses a zero timeout; an exhausted budget still gets a millisecond, and fails as a timeout. */
    private static Duration positive(Duration timeout) {
        return timeout.isPositive() ? timeout : Duration.ofMillis(1);
    }

    /** The location and S3's error code: never an object's contents. */
    private static StoreException failure(String doing, S3Location location, SdkException e) {
        boolean denied = e instanceof S3Exception s3 && s3.statusCode() == 403;
        String code = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
        return new StoreException(doing + " " + location + " failed: " + code, denied, e);
    }

    @Override
    public void close() {
        client.close();
    }
}
