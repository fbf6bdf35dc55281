package dev.sqlscore.scoring;

import dev.sqlscore.async.S3Location;
import dev.sqlscore.telemetry.Metrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a deployment decides, as opposed to what each external function's {@code HEADERS} decide: which
 * endpoints may be called, and how a batch is cut and paced. Immutable; read once at start-up.
 */
public final class ScoringConfig {

    /** Environment variables a deployment sets; the infra program writes exactly these. */
    public static final String ENV_ALLOWED_ENDPOINTS = "SQLSCORE_ALLOWED_ENDPOINTS";
    public static final String ENV_DEFAULT_ENDPOINT = "SQLSCORE_DEFAULT_ENDPOINT";
    public static final String ENV_MAX_REQUEST_BYTES = "SQLSCORE_MAX_REQUEST_BYTES";
    public static final String ENV_MAX_ROWS_PER_REQUEST = "SQLSCORE_MAX_ROWS_PER_REQUEST";
    public static final String ENV_MAX_CONCURRENT_REQUESTS = "SQLSCORE_MAX_CONCURRENT_REQUESTS";
    public static final String ENV_DEADLINE_MILLIS = "SQLSCORE_DEADLINE_MILLIS";
    public static final String ENV_METRICS_NAMESPACE = "SQLSCORE_METRICS_NAMESPACE";
    /** {@code s3://bucket/prefix/}: where asynchronous batches keep their payloads and state. */
    public static final String ENV_ASYNC_STATE_PATH = "SQLSCORE_ASYNC_STATE_PATH";

    /** Below every documented InvokeEndpoint body limit (6 MB, 5 MB for some setups, 4 MB serverless). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
    /** Largest body SageMaker accepts at all. */
    public static final int MAX_REQUEST_BYTES_LIMIT = 6 * 1024 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 8;
    public static final int MAX_CONCURRENT_REQUESTS_LIMIT = 64;
    /** Finish or fail before API Gateway's 29 s integration timeout makes Snowflake retry a batch blind. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(25);
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#: -]{1,255}");

    private final Set<String> allowedEndpoints;
    private final String defaultEndpoint;
    private final int maxRequestBytes;
    private final int maxRowsPerRequest;
    private final int maxConcurrentRequests;
    private final Duration deadline;
    private final String metricsNamespace;
    private final S3Location asyncStatePath;

    private ScoringConfig(Builder builder) {
        this.allowedEndpoints = Set.copyOf(builder.allowedEndpoints);
        this.defaultEndpoint = builder.defaultEndpoint;
        this.maxRequestBytes =
                requireRange(ENV_MAX_REQUEST_BYTES, builder.maxRequestBytes, 1_024, MAX_REQUEST_BYTES_LIMIT);
        this.maxRowsPerRequest =
                requireRange(ENV_MAX_ROWS_PER_REQUEST, builder.maxRowsPerRequest, 0, Integer.MAX_VALUE);
        this.maxConcurrentRequests = requireRange(ENV_MAX_CONCURRENT_REQUESTS, builder.maxConcurrentRequests, 1,
                MAX_CONCURRENT_REQUESTS_LIMIT);
        this.deadline = Objects.requireNonNull(builder.deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException(ENV_DEADLINE_MILLIS + " must be positive, got " + deadline.toMillis());
        }
        this.metricsNamespace = Objects.requireNonNull(builder.metricsNamespace, "metricsNamespace");
        this.asyncStatePath = builder.asyncStatePath;
        if (!NAMESPACE.matcher(metricsNamespace).matches() || metricsNamespace.startsWith("AWS/")) {
            throw new IllegalArgumentException(ENV_METRICS_NAMESPACE + " must be a CloudWatch namespace (letters, "
                    + "digits and . - _ / # :, at most 255, not starting with AWS/), got '" + metricsNamespace + "'");
        }
        if (defaultEndpoint != null && !allowedEndpoints.isEmpty() && !allowedEndpoints.contains(defaultEndpoint)) {
            throw new IllegalArgumentException(ENV_DEFAULT_ENDPOINT + " '" + defaultEndpoint + "' is not in "
                    + ENV_ALLOWED_ENDPOINTS + "; add it there or pick one of " + allowedEndpoints);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ScoringConfig defaults() {
        return builder().build();
    }

    /**
     * Reads the {@code SQLSCORE_*} variables; unset ones keep their defaults.
     *
     * @throws IllegalArgumentException naming the variable and what it accepts
     */
    public static ScoringConfig fromEnvironment(Map<String, String> env) {
        Builder builder = builder();
        value(env, ENV_ALLOWED_ENDPOINTS).ifPresent(v -> builder.allowedEndpoints(
                Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet())));
        value(env, ENV_DEFAULT_ENDPOINT).ifPresent(builder::defaultEndpoint);
        value(env, ENV_MAX_REQUEST_BYTES).map(v -> parseInt(ENV_MAX_REQUEST_BYTES, v))
                .ifPresent(builder::maxRequestBytes);
        value(env, ENV_MAX_ROWS_PER_REQUEST).map(v -> parseInt(ENV_MAX_ROWS_PER_REQUEST, v))
                .ifPresent(builder::maxRowsPerRequest);
        value(env, ENV_MAX_CONCURRENT_REQUESTS).map(v -> parseInt(ENV_MAX_CONCURRENT_REQUESTS, v))
                .ifPresent(builder::maxConcurrentRequests);
        value(env, ENV_DEADLINE_MILLIS).map(v -> Duration.ofMillis(parseInt(ENV_DEADLINE_MILLIS, v)))
                .ifPresent(builder::deadline);
        value(env, ENV_METRICS_NAMESPACE).ifPresent(builder::metricsNamespace);
        value(env, ENV_ASYNC_STATE_PATH).ifPresent(v -> {
            try {
                builder.asyncStatePath(S3Location.parse(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_ASYNC_STATE_PATH + " must be an s3:// URI of a bucket and "
                        + "prefix, got '" + v + "'", e);
            }
        });
        return builder.build();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static int requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** Endpoint names this deployment may call; empty means any (local runs only: the stack always sets it). */
    public Set<String> allowedEndpoints() {
        return allowedEndpoints;
    }

    public boolean allows(String endpointName) {
        return allowedEndpoints.isEmpty() || allowedEndpoints.contains(endpointName);
    }

    /** The endpoint used when a function sends no {@code sagemaker-endpoint-name} header. */
    public Optional<String> defaultEndpoint() {
        return Optional.ofNullable(defaultEndpoint);
    }

    /** Largest InvokeEndpoint body a chunk may have. */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Most rows in one InvokeEndpoint call; 0 means no cap beyond the byte budget. */
    public int maxRowsPerRequest() {
        return maxRowsPerRequest;
    }

    /** Most InvokeEndpoint calls in flight for one batch. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Time a batch may take in all, from its arrival to its answer. */
    public Duration deadline() {
        return deadline;
    }

    /** Where asynchronous batches keep their state; null when the deployment has no async function. */
    public S3Location asyncStatePath() {
        return asyncStatePath;
    }

    /** Where the batch metrics go in CloudWatch; the stack names one per stack. */
    public String metricsNamespace() {
        return metricsNamespace;
    }

    public Builder toBuilder() {
        return new Builder()
                .allowedEndpoints(allowedEndpoints)
                .defaultEndpoint(defaultEndpoint)
                .maxRequestBytes(maxRequestBytes)
                .maxRowsPerRequest(maxRowsPerRequest)
                .maxConcurrentRequests(maxConcurrentRequests)
                .deadline(deadline)
                .metricsNamespace(metricsNamespace)
                .asyncStatePath(asyncStatePath);
    }

    @Override
    public String toString() {
        return "ScoringConfig[allowedEndpoints=" + (allowedEndpoints.isEmpty() ? "any" : allowedEndpoints)
                + ", defaultEndpoint=" + defaultEndpoint + ", maxRequestBytes=" + maxRequestBytes
                + ", maxRowsPerRequest=" + maxRowsPerRequest + ", maxConcurrentRequests=" + maxConcurrentRequests
                + ", deadline=" + deadline.toMillis() + "ms]";
    }

    public static final class Builder {
        private Set<String> allowedEndpoints = Set.of();
        private String defaultEndpoint;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxRowsPerRequest = 0;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private Duration deadline = DEFAULT_DEADLINE;
        private String metricsNamespace = Metrics.DEFAULT_NAMESPACE;
        private S3Location asyncStatePath;

        private Builder() {
        }

        public Builder asyncStatePath(S3Location asyncStatePath) {
            this.asyncStatePath = asyncStatePath;
            return this;
        }

        public Builder metricsNamespace(String metricsNamespace) {
            this.metricsNamespace = metricsNamespace;
            return this;
        }

        public Builder allowedEndpoints(Set<String> allowedEndpoints) {
            this.allowedEndpoints = Objects.requireNonNull(allowedEndpoints, "allowedEndpoints");
            return this;
        }

        public Builder defaultEndpoint(String defaultEndpoint) {
            this.defaultEndpoint = defaultEndpoint;
            return this;
        }

        public Builder maxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        public Builder maxRowsPerRequest(int maxRowsPerRequest) {
            this.maxRowsPerRequest = maxRowsPerRequest;
            return this;
        }

        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public ScoringConfig build() {
            return new ScoringConfig(this);
        }
    }
}
