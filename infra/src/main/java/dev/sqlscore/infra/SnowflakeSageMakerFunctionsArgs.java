package dev.sqlscore.infra;

import com.pulumi.core.Output;
import dev.sqlscore.infra.config.AccessLogging;
import dev.sqlscore.infra.config.EndpointType;
import dev.sqlscore.infra.config.FunctionSettings;
import dev.sqlscore.infra.config.Functions;
import dev.sqlscore.infra.config.LambdaSettings;
import dev.sqlscore.infra.config.MonitoringSettings;
import dev.sqlscore.infra.config.ScoringSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SnowflakeSageMakerFunctions} needs, set from code: the functions and where they live, the Snowflake
 * account and its key (an {@link Output}, so it can be a secret from config or from another resource), the Lambda and
 * how it scores, the API, monitoring, and the Lambda artifact. This stack's program fills it from its configuration
 * ({@link App#args}); another program can fill it any way it likes. Defaults are those of the stack's configuration.
 */
public final class SnowflakeSageMakerFunctionsArgs {

    private final Functions functions;
    private final String database;
    private final String schema;
    private final SnowflakeAccount snowflake;
    private final Output<String> snowflakePrivateKey;
    private final Output<String> snowflakePrivateKeyPassphrase;
    private final LambdaSettings lambda;
    private final ScoringSettings scoring;
    private final MonitoringSettings monitoring;
    private final int logRetentionDays;
    private final EndpointType endpointType;
    private final List<String> snowflakeVpcIds;
    private final boolean discoverSnowflakeVpcIds;
    private final int integrationTimeoutSeconds;
    private final AccessLogging accessLogging;
    private final Duration iamPropagation;
    private final boolean grantDatabaseAndSchemaUsage;
    private final int asyncStateDays;
    private final Path handlerArtifact;
    private final PropagationDelay propagationDelay;

    private SnowflakeSageMakerFunctionsArgs(Builder builder) {
        this.functions = new Functions(Objects.requireNonNull(builder.functions, "functions"));
        if (functions.all().isEmpty()) {
            throw new IllegalArgumentException("functions: at least one function is needed");
        }
        this.database = Objects.requireNonNull(builder.database, "database");
        this.schema = Objects.requireNonNull(builder.schema, "schema");
        this.snowflake = Objects.requireNonNull(builder.snowflake, "snowflake");
        this.snowflakePrivateKey = Objects.requireNonNull(builder.snowflakePrivateKey, "snowflakePrivateKey");
        this.snowflakePrivateKeyPassphrase = builder.snowflakePrivateKeyPassphrase;
        this.lambda = Objects.requireNonNull(builder.lambda, "lambda");
        this.scoring = Objects.requireNonNull(builder.scoring, "scoring");
        this.monitoring = Objects.requireNonNull(builder.monitoring, "monitoring");
        this.logRetentionDays = builder.logRetentionDays;
        this.endpointType = Objects.requireNonNull(builder.endpointType, "endpointType");
        this.snowflakeVpcIds = List.copyOf(Objects.requireNonNull(builder.snowflakeVpcIds, "snowflakeVpcIds"));
        this.discoverSnowflakeVpcIds = builder.discoverSnowflakeVpcIds;
        if (endpointType == EndpointType.PRIVATE && snowflakeVpcIds.isEmpty() && !discoverSnowflakeVpcIds) {
            throw new IllegalArgumentException("snowflakeVpcIds: a PRIVATE API admits only Snowflake's VPCs; list "
                    + "them, or discover them");
        }
        if (endpointType != EndpointType.PRIVATE && (!snowflakeVpcIds.isEmpty() || discoverSnowflakeVpcIds)) {
            throw new IllegalArgumentException("snowflakeVpcIds: only a PRIVATE API filters on Snowflake's VPCs");
        }
        this.integrationTimeoutSeconds = builder.integrationTimeoutSeconds;
        if (integrationTimeoutSeconds < 1 || integrationTimeoutSeconds > 300) {
            throw new IllegalArgumentException("integrationTimeoutSeconds: " + integrationTimeoutSeconds
                    + " is not 1 to 300");
        }
        this.accessLogging = Objects.requireNonNull(builder.accessLogging, "accessLogging");
        this.iamPropagation = Objects.requireNonNull(builder.iamPropagation, "iamPropagation");
        this.grantDatabaseAndSchemaUsage = builder.grantDatabaseAndSchemaUsage;
        this.asyncStateDays = builder.asyncStateDays;
        this.handlerArtifact = Objects.requireNonNull(builder.handlerArtifact, "handlerArtifact");
        this.propagationDelay = Objects.requireNonNull(builder.propagationDelay, "propagationDelay");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Functions functions() {
        return functions;
    }

    public String database() {
        return database;
    }

    public String schema() {
        return schema;
    }

    public SnowflakeAccount snowflake() {
        return snowflake;
    }

    public Output<String> snowflakePrivateKey() {
        return snowflakePrivateKey;
    }

    /** {@code null} for an unencrypted key. */
    public Output<String> snowflakePrivateKeyPassphrase() {
        return snowflakePrivateKeyPassphrase;
    }

    public LambdaSettings lambda() {
        return lambda;
    }

    public ScoringSettings scoring() {
        return scoring;
    }

    public MonitoringSettings monitoring() {
        return monitoring;
    }

    public int logRetentionDays() {
        return logRetentionDays;
    }

    public EndpointType endpointType() {
        return endpointType;
    }

    /** The VPCs a PRIVATE API admits; empty for REGIONAL. */
    public List<String> snowflakeVpcIds() {
        return snowflakeVpcIds;
    }

    /** Whether a PRIVATE API also admits the VPC Snowflake reports through the provider. */
    public boolean discoverSnowflakeVpcIds() {
        return discoverSnowflakeVpcIds;
    }

    /** How long API Gateway waits for the Lambda. */
    public int integrationTimeoutSeconds() {
        return integrationTimeoutSeconds;
    }

    public AccessLogging accessLogging() {
        return accessLogging;
    }

    /** How long to wait after the Snowflake role's trust changes before creating functions. */
    public Duration iamPropagation() {
        return iamPropagation;
    }

    public boolean grantDatabaseAndSchemaUsage() {
        return grantDatabaseAndSchemaUsage;
    }

    /** How long the state bucket keeps asynchronous batches before S3 expires them. */
    public int asyncStateDays() {
        return asyncStateDays;
    }

    /** The shaded Lambda jar, {@code handler/target/handler.jar} in this repository. */
    public Path handlerArtifact() {
        return handlerArtifact;
    }

    public PropagationDelay propagationDelay() {
        return propagationDelay;
    }

    public static final class Builder {
        private List<FunctionSettings> functions;
        private String database;
        private String schema;
        private SnowflakeAccount snowflake;
        private Output<String> snowflakePrivateKey;
        private Output<String> snowflakePrivateKeyPassphrase;
        private LambdaSettings lambda;
        private ScoringSettings scoring;
        private MonitoringSettings monitoring = MonitoringSettings.defaults();
        private int logRetentionDays = 30;
        private EndpointType endpointType = EndpointType.REGIONAL;
        private List<String> snowflakeVpcIds = List.of();
        private boolean discoverSnowflakeVpcIds;
        private int integrationTimeoutSeconds = 29;
        private AccessLogging accessLogging = AccessLogging.EXISTING_ACCOUNT_ROLE;
        private Duration iamPropagation = Duration.ofSeconds(30);
        private boolean grantDatabaseAndSchemaUsage;
        private int asyncStateDays = 1;
        private Path handlerArtifact;
        private PropagationDelay propagationDelay = PropagationDelay.realTime();

        private Builder() {
        }

        public Builder functions(List<FunctionSettings> functions) {
            this.functions = functions;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder snowflake(SnowflakeAccount snowflake) {
            this.snowflake = snowflake;
            return this;
        }

        /** The user's PEM private key; pass a secret ({@code Config.requireSecret}, {@code Output.ofSecret}). */
        public Builder snowflakePrivateKey(Output<String> privateKey) {
            this.snowflakePrivateKey = privateKey;
            return this;
        }

        public Builder snowflakePrivateKeyPassphrase(Output<String> passphrase) {
            this.snowflakePrivateKeyPassphrase = passphrase;
            return this;
        }

        public Builder lambda(LambdaSettings lambda) {
            this.lambda = lambda;
            return this;
        }

        public Builder scoring(ScoringSettings scoring) {
            this.scoring = scoring;
            return this;
        }

        public Builder monitoring(MonitoringSettings monitoring) {
            this.monitoring = monitoring;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public Builder endpointType(EndpointType endpointType) {
            this.endpointType = endpointType;
            return this;
        }

        public Builder snowflakeVpcIds(List<String> snowflakeVpcIds) {
            this.snowflakeVpcIds = snowflakeVpcIds;
            return this;
        }

        public Builder discoverSnowflakeVpcIds(boolean discover) {
            this.discoverSnowflakeVpcIds = discover;
            return this;
        }

        public Builder integrationTimeoutSeconds(int seconds) {
            this.integrationTimeoutSeconds = seconds;
            return this;
        }

        public Builder accessLogging(AccessLogging accessLogging) {
            this.accessLogging = accessLogging;
            return this;
        }

        public Builder iamPropagation(Duration iamPropagation) {
            this.iamPropagation = iamPropagation;
            return this;
        }

        public Builder grantDatabaseAndSchemaUsage(boolean grant) {
            this.grantDatabaseAndSchemaUsage = grant;
            return this;
        }

        public Builder asyncStateDays(int asyncStateDays) {
            this.asyncStateDays = asyncStateDays;
            return this;
        }

        public Builder handlerArtifact(Path handlerArtifact) {
            this.handlerArtifact = handlerArtifact;
            return this;
        }

        public Builder propagationDelay(PropagationDelay propagationDelay) {
            this.propagationDelay = propagationDelay;
            return this;
        }

        public SnowflakeSageMakerFunctionsArgs build() {
            return new SnowflakeSageMakerFunctionsArgs(this);
        }
    }
}
