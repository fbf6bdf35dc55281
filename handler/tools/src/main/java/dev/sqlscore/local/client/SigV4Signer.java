package dev.sqlscore.local.client;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Signs requests to a deployed API Gateway stage the way Snowflake's role does (SigV4, service
 * {@code execute-api}), with the SDK's own signer and the caller's credentials. Thread-safe.
 */
public final class SigV4Signer {

    static final String SERVICE = "execute-api";

    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;

    public SigV4Signer(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A signer for calls to {@code url} with the AWS SDK's default credentials chain, for {@code region} if given,
     * else the region of an execute-api host, else the SDK's default region.
     *
     * @throws IllegalArgumentException when no region can be found, saying how to give one
     */
    public static SigV4Signer withDefaultCredentials(URI url, String region) {
        String signingRegion = Optional.ofNullable(region).or(() -> regionOf(url)).orElseGet(() -> {
            try {
                return new DefaultAwsRegionProviderChain().getRegion().id();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot tell which region to sign for: the URL is not an "
                        + "execute-api host and no default region is set; pass --region", e);
            }
        });
        return new SigV4Signer(DefaultCredentialsProvider.builder().build(), signingRegion, Clock.systemUTC());
    }

    /** The region in an {@code <api-id>.execute-api.<region>.amazonaws.com} host; empty for custom domains. */
    public static Optional<String> regionOf(URI uri) {
        Matcher matcher = EXECUTE_API_HOST.matcher(Objects.requireNonNullElse(uri.getHost(), ""));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Loopback targets (a local {@code serve}) need no signature. */
    public static boolean isLoopback(URI uri) {
        String host = Objects.requireNonNullElse(uri.getHost(), "");
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    public String region() {
        return region;
    }

    /**
     * Signs one request.
     *
     * @param headers the headers that will be sent (they become part of the signature)
     * @return the headers to add: {@code Authorization}, {@code X-Amz-Date} and, with temporary credentials,
     *         {@code X-Amz-Security-Token}
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> added = new HashMap<>();
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!headers.containsKey(header.getKey())) {
                added.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return added;
    }

    @Override
    public String toString() {
        return "SigV4Signer[service=" + SERVICE + ", region=" + region + "]";
    }
}
