package dev.sqlscore.local.demo;

import dev.sqlscore.lambda.ExternalFunctionHandler;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.ModelServer;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import dev.sqlscore.local.api.LocalApiServer;

/**
 * The whole data path on loopback sockets, in one process: a local SageMaker-protocol model server, the AWS
 * SDK pointed at it through its standard configuration (see {@link SageMakerOverride}), the real Lambda handler
 * built by its public no-arg constructor as Lambda builds it, and the {@link LocalApiServer} in front. What
 * {@code demo} runs, and what the end-to-end tests drive. One at a time per process (it sets system properties).
 */
public final class LocalPipeline implements AutoCloseable {

    /** The demo's endpoint name, served by the toy {@link ChurnModel}. */
    public static final String DEMO_ENDPOINT = "churn-demo";

    private final ModelServer modelServer;
    private final SageMakerOverride override;
    private final LocalApiServer api;

    private LocalPipeline(Builder builder) throws IOException {
        ModelServer models = ModelServer.builder().endpoint(builder.endpointName, builder.model)
                .faultHook(builder.faultHook).start();
        SageMakerOverride sdk = null;
        try {
            // Kept in force while the pipeline runs: the SDK reads the credentials properties on every call.
            sdk = SageMakerOverride.pointAt(models.endpointUri());
            this.api = builder.api.handler(new ExternalFunctionHandler()).start();
        } catch (IOException | RuntimeException e) {
            if (sdk != null) {
                sdk.close();
            }
            models.close();
            throw e;
        }
        this.modelServer = models;
        this.override = sdk;
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

    @Override
    public void close() {
        api.close();
        override.close();
        modelServer.close();
    }

    public static final class Builder {
        private String endpointName = DEMO_ENDPOINT;
        /** The demo model says why it refuses a request on stderr: it is the only place a local user looks. */
        private Model model = new ChurnModel(System.err::println);
        private FaultHook faultHook = FaultHook.NONE;
        private LocalApiServer.Builder api = LocalApiServer.builder().port(0);

        private Builder() {
        }

        /** The one endpoint the model server serves (default: the toy churn model as {@value #DEMO_ENDPOINT}). */
        public Builder endpoint(String endpointName, Model model) {
            this.endpointName = Objects.requireNonNull(endpointName, "endpointName");
            this.model = Objects.requireNonNull(model, "model");
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
