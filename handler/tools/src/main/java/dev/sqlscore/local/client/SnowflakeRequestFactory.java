package dev.sqlscore.local.client;

import dev.sqlscore.snowflake.FunctionSettings;
import dev.sqlscore.snowflake.Gzip;
import dev.sqlscore.snowflake.SnowflakeHeaders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the POST Snowflake sends for one batch of an external function (and the GET it polls an asynchronous one
 * with): its {@code sf-*} headers, the function's
 * {@code HEADERS} as {@code sf-custom-*}, a gzip body with {@code Content-Encoding} (Snowflake's default
 * {@code COMPRESSION = AUTO} on AWS), and a SigV4 signature when the target needs one. Immutable.
 */
public final class SnowflakeRequestFactory {

    /** Snowflake's rule for {@code HEADERS} names: lowercase, no underscore. */
    private static final Pattern CUSTOM_HEADER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final URI uri;
    private final String functionName;
    private final Map<String, String> customHeaders;
    private final String queryId;
    private final boolean gzip;
    private final SigV4Signer signer;
    private final Duration timeout;

    private SnowflakeRequestFactory(Builder builder) {
        this.uri = Objects.requireNonNull(builder.uri, "uri");
        this.functionName = builder.functionName;
        this.customHeaders = Map.copyOf(builder.customHeaders);
        this.queryId = builder.queryId;
        this.gzip = builder.gzip;
        this.signer = builder.signer;
        this.timeout = builder.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI uri() {
        return uri;
    }

    /** A new request for a batch; call again for each retry (a signature holds the time it was made). */
    public HttpRequest request(SnowflakeBatch batch) {
        byte[] body = gzip ? Gzip.compress(batch.toJson()) : batch.toJson();
        return build("POST", batch, body, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /**
     * A poll for a batch the function answered 202: a GET with no body and the batch's POST headers, as Snowflake
     * polls an asynchronous remote service.
     */
    public HttpRequest poll(SnowflakeBatch batch) {
        return build("GET", batch, new byte[0], HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest build(String method, SnowflakeBatch batch, byte[] body, HttpRequest.BodyPublisher publisher) {
        Map<String, String> headers = headers(batch);
        if (signer != null) {
            headers.putAll(signer.sign(method, uri, headers, body));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, publisher);
        // java.net.http sets Host itself, to the same value the signature covers.
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    private Map<String, String> headers(SnowflakeBatch batch) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put(SnowflakeHeaders.FORMAT, "json");
        headers.put(SnowflakeHeaders.FORMAT_VERSION, "1.0");
        headers.put(SnowflakeHeaders.QUERY_ID, queryId);
        // Snowflake keeps a batch's id on its retries.
        headers.put(SnowflakeHeaders.BATCH_ID, queryId + "-" + batch.index());
        putWithBase64(headers, SnowflakeHeaders.FUNCTION_NAME, functionName);
        putWithBase64(headers, "sf-external-function-signature", "(PARAMETERS VARIANT)");
        putWithBase64(headers, "sf-external-function-return-type", "VARIANT");
        customHeaders.forEach((name, value) -> headers.put(SnowflakeHeaders.CUSTOM_PREFIX + name, value));
        if (gzip) {
            headers.put("content-encoding", "gzip");
            headers.put("accept-encoding", "gzip");
        }
        return headers;
    }

    private static void putWithBase64(Map<String, String> headers, String name, String value) {
        headers.put(name, value);
        headers.put(name + "-base64", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "SnowflakeRequestFactory[uri=" + uri + ", function=" + functionName + ", customHeaders="
                + customHeaders.keySet() + ", gzip=" + gzip + ", signed=" + (signer != null) + "]";
    }

    public static final class Builder {
        private URI uri;
        private String functionName = "SAGEMAKER_INVOKE";
        private final Map<String, String> customHeaders = new LinkedHashMap<>();
        private String queryId = UUID.randomUUID().toString();
        private boolean gzip = true;
        private SigV4Signer signer;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        public Builder functionName(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /** The {@code sagemaker-endpoint-name} entry of the function's {@code HEADERS}. */
        public Builder endpointName(String endpointName) {
            return customHeader(FunctionSettings.ENDPOINT_NAME, endpointName);
        }

        /**
         * One entry of the function's {@code HEADERS}, sent as {@code sf-custom-<name>}.
         *
         * @throws IllegalArgumentException if the name breaks Snowflake's rules (lowercase letters, digits, '-')
         */
        public Builder customHeader(String name, String value) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!CUSTOM_HEADER_NAME.matcher(lower).matches()) {
                throw new IllegalArgumentException("header name '" + name + "' is not one Snowflake sends: use "
                        + "letters, digits and '-' (Snowflake lowercases names and forbids '_')");
            }
            customHeaders.put(lower, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder queryId(String queryId) {
            this.queryId = Objects.requireNonNull(queryId, "queryId");
            return this;
        }

        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** Signs every request with SigV4; null sends them unsigned. */
        public Builder signer(SigV4Signer signer) {
            this.signer = signer;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public SnowflakeRequestFactory build() {
            return new SnowflakeRequestFactory(this);
        }
    }
}
