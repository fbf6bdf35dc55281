package dev.sqlscore.local.demo;

import dev.sqlscore.async.S3Location;
import dev.sqlscore.lambda.ExternalFunctionHandler;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.s3.LocalS3;
import dev.sqlscore.modelserver.AsyncEndpoint;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.s3.S3ObjectStore;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.snowflake.FunctionSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole data path on loopback sockets, in one process: a local SageMaker-protocol model server, the AWS
 * SDK pointed at it through its standard configuration (see {@link AwsEndpointOverride}), the real Lambda handler
 * built as Lambda builds it, and the {@link LocalApiServer} in front. With an asynchronous endpoint, also a real
 * S3 API server ({@link LocalS3}) holding the handler's state and the endpoint's inputs and outputs. What
 * {@code demo} and {@code serve --demo-model} run, and what the end-to-end tests drive. One at a time per process
 * (it sets system properties).
 */
public final class LocalPipeline implements AutoCloseable {

    /** The demo's endpoint name, served by the toy {@link ChurnModel}. */
    public static final String DEMO_ENDPOINT = "churn-demo";
    /** The demo's asynchronous endpoint, the same toy model behind SageMaker Asynchronous Inference. */
    public static final String DEMO_ASYNC_ENDPOINT = "churn-demo-async";
    /** The bucket the handler keeps asynchronous batches in, as the stack's state bucket. */
    public static final String STATE_BUCKET = "sqlscore-async-state";
    /** The bucket the async endpoint's {@code S3OutputPath} and {@code S3FailurePath} point into. */
    public static final String OUTPUT_BUCKET = "model-async-output";
    static final S3Location STATE_PATH = new S3Location(STATE_BUCKET, "batches/");
    static final S3Location OUTPUT_PATH = new S3Location(OUTPUT_BUCKET, "output/");
    static final S3Location FAILURE_PATH = new S3Location(OUTPUT_BUCKET, "failures/");

    private final ModelServer modelServer;
    private final LocalS3 s3;
    private final AwsEndpointOverride override;
    private final LocalApiServer api;
    private final String asyncEndpointName;
    /** Everything the pipeline started, closed in reverse order. */
    private final List<AutoCloseable> opened;

    private LocalPipeline(Builder builder) throws IOException {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.s3 = builder.asyncEndpointName == null ? null : open(opened, LocalS3.start(List.of(STATE_BUCKET,
                    OUTPUT_BUCKET)));
            ModelServer.Builder models = ModelServer.builder().endpoint(builder.endpointName, builder.model)
                    .faultHook(builder.faultHook);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.putAll(builder.environment);
            if (s3 != null) {
                S3ObjectStore endpointStore = open(opened, S3ObjectStore.create(s3.client()));
                models.asyncEndpoint(builder.asyncEndpointName, new AsyncEndpoint(builder.asyncModel, OUTPUT_PATH,
                        FAILURE_PATH, builder.asyncDelay), endpointStore);
                environment.put(ScoringConfig.ENV_ASYNC_STATE_PATH, STATE_PATH.uri());
            }
            this.modelServer = open(opened, models.start());
            // Kept in force while the pipeline runs: the SDK reads the credentials properties on every call.
            this.override = open(opened, AwsEndpointOverride.pointAt(modelServer.endpointUri(),
                    s3 == null ? null : builder.handlerS3Route.apply(s3.endpoint())));
            this.api = builder.api.handler(new ExternalFunctionHandler(environment, builder.handlerLog)).start();
        } catch (IOException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
        this.asyncEndpointName = builder.asyncEndpointName;
        this.opened = opened;
    }

    private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing loopback servers and clients: nothing left to do about it
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where Snowflake-format requests go. */
    public URI apiUri() {
        return api.uri();
    }

    /** The model server's address, as given to the SDK. */
    public URI modelUri() {
        return modelServer.endpointUri();
    }

    /** The local S3 server, when there is an asynchronous endpoint. */
    public LocalS3 s3() {
        return s3;
    }

    /** The model server, to wait on its asynchronous work. */
    public ModelServer modelServer() {
        return modelServer;
    }

    /**
     * The function {@code HEADERS} of the asynchronous function, as the stack would write them: endpoint, mode and
     * the endpoint's output and failure paths.
     *
     * @throws IllegalStateException when the pipeline has no asynchronous endpoint
     */
    public Map<String, String> asyncFunctionHeaders() {
        if (asyncEndpointName == null) {
            throw new IllegalStateException("this pipeline has no asynchronous endpoint");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(FunctionSettings.ENDPOINT_NAME, asyncEndpointName);
        headers.put(FunctionSettings.MODE, "async");
        headers.put(FunctionSettings.OUTPUT_PATH, OUTPUT_PATH.uri());
        headers.put(FunctionSettings.FAILURE_PATH, FAILURE_PATH.uri());
        return headers;
    }

    @Override
    public void close() {
        api.close();
        closeAll(opened);
    }

    public static final class Builder {
        private String endpointName = DEMO_ENDPOINT;
        /** The demo model says why it refuses a request on stderr: it is the only place a local user looks. */
        private Model model = new ChurnModel(System.err::println);
        private String asyncEndpointName;
        private Model asyncModel;
        private Duration asyncDelay = Duration.ZERO;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private FaultHook faultHook = FaultHook.NONE;
        private UnaryOperator<URI> handlerS3Route = UnaryOperator.identity();
        private Consumer<String> handlerLog = System.out::println;
        private LocalApiServer.Builder api = LocalApiServer.builder().port(0);

        private Builder() {
        }

        /** The real-time endpoint the model server serves (default: the toy churn model as {@value #DEMO_ENDPOINT}). */
        public Builder endpoint(String endpointName, Model model) {
            this.endpointName = Objects.requireNonNull(endpointName, "endpointName");
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Also an asynchronous endpoint, whose model starts on each request after {@code delay}; brings up the
         * local S3 server and gives the handler its state path.
         */
        public Builder asyncEndpoint(String endpointName, Model model, Duration delay) {
            this.asyncEndpointName = Objects.requireNonNull(endpointName, "endpointName");
            this.asyncModel = Objects.requireNonNull(model, "model");
            this.asyncDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** A {@code SQLSCORE_*} setting for the handler, over the process's environment. */
        public Builder handlerSetting(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How the handler reaches the local S3 server (the model server always reaches it directly): given the
         * server's address, the address to use instead, e.g. a relay that slows or cuts the connection.
         */
        public Builder handlerS3Route(UnaryOperator<URI> route) {
            this.handlerS3Route = Objects.requireNonNull(route, "route");
            return this;
        }

        /** Where the handler's log lines go (default: standard output, as on Lambda). */
        public Builder handlerLog(Consumer<String> handlerLog) {
            this.handlerLog = Objects.requireNonNull(handlerLog, "handlerLog");
            return this;
        }

        public Builder faultHook(FaultHook faultHook) {
            this.faultHook = Objects.requireNonNull(faultHook, "faultHook");
            return this;
        }

        /** How the local API server listens and behaves (default: a free port); the pipeline sets its handler. */
        public Builder api(LocalApiServer.Builder api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        public LocalPipeline start() throws IOException {
            return new LocalPipeline(this);
        }
    }
}
