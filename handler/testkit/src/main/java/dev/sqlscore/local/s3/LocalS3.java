package dev.sqlscore.local.s3;

import dev.sqlscore.s3.S3ObjectStore;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server on loopback, in memory (S3Proxy over jclouds' transient store), for serve, demo and the
 * tests: the handler's own S3 client reaches it through the SDK's endpoint override, signs with SigV4 as against
 * AWS, and gets S3's XML errors. Objects vanish when it closes.
 *
 * <pre>{@code
 * try (LocalS3 s3 = LocalS3.start(List.of("sqlscore-async"))) {
 *     S3ObjectStore store = S3ObjectStore.create(s3.client());
 * }
 * }</pre>
 */
public final class LocalS3 implements AutoCloseable {

    /** The identity the server accepts: the same throwaway pair the local model server's clients sign with. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    /** Held so their levels stay set: S3Proxy and its Jetty (shaded under org.gaul) report each start at INFO. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.gaul"), Logger.getLogger("org.jclouds"),
            Logger.getLogger("jclouds"));

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + proxy.getPort());
    }

    /**
     * Starts on a free loopback port with {@code buckets} created (S3 bucket names: three characters or more).
     *
     * @throws IllegalStateException when the server does not start
     */
    public static LocalS3 start(List<String> buckets) {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        BlobStore blobStore = context.getBlobStore();
        for (String bucket : buckets) {
            blobStore.createContainerInLocation(null, Objects.requireNonNull(bucket, "bucket"));
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // Newer SDKs send checksum headers S3Proxy does not know; it would refuse the request.
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("The local S3 server did not start: " + e.getMessage(), e);
        }
        return new LocalS3(proxy, context);
    }

    /** The SDK's endpoint override, e.g. {@code http://127.0.0.1:49153}. */
    public URI endpoint() {
        return endpoint;
    }

    /** An S3 client for this server, configured as the handler's is, with the server's credentials. */
    public S3Client client() {
        return S3ObjectStore.clientBuilder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a loopback server: nothing left to do about it
        } finally {
            context.close();
        }
    }

    @Override
    public String toString() {
        return "LocalS3[" + endpoint + "]";
    }
}
