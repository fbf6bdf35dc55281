package dev.sqlscore.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import dev.sqlscore.infra.config.ConfigSource;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.SnowflakeConnection;
import dev.sqlscore.infra.config.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_PRIVATE_KEY;
import static dev.sqlscore.infra.config.StackConfigReader.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE;

/** The stack: read the configuration, instantiate the component, export what SQL users need. */
public final class App {

    static final String COMPONENT_NAME = "sqlscore";
    static final Path HANDLER_ARTIFACT = Path.of("handler", "target", "handler.jar");
    /** The environment variable in which the Pulumi engine hands a program its whole stack configuration. */
    static final String ENGINE_CONFIG = "PULUMI_CONFIG";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private App() {
    }

    public static void main(String[] args) {
        // Pulumi's runner starves on a ForkJoin common pool of parallelism 1 (2-core machines): set it before the
        // pool exists. .mvn/jvm.config does the same for `mvn exec:java`, which is how the Pulumi host runs us.
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, "8");
        }
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        StackSettings settings = StackConfigReader.read(source(ctx));
        settings.notices().forEach(notice -> ctx.log().warn(notice));
        // The key as the engine hands it over: a secret output, never a plain string in the program.
        Config snowflake = ctx.config("snowflake");
        var args = args(settings)
                .snowflakePrivateKey(snowflake.requireSecret(keyName(SNOWFLAKE_PRIVATE_KEY)))
                .snowflakePrivateKeyPassphrase(settings.snowflake().privateKeyPassphrase() == null ? null
                        : snowflake.requireSecret(keyName(SNOWFLAKE_PRIVATE_KEY_PASSPHRASE)))
                .handlerArtifact(repositoryRoot(Path.of("").toAbsolutePath()).resolve(HANDLER_ARTIFACT))
                .build();
        var component = new SnowflakeSageMakerFunctions(COMPONENT_NAME, args);
        ctx.export("invokeUrl", component.invokeUrl());
        ctx.export("roleArn", component.roleArn());
        ctx.export("integrationName", component.integrationName());
        ctx.export("functionNames", component.functionNames());
        ctx.export("sampleSql", component.sampleSql());
        ctx.export("dashboardUrl", component.dashboardUrl());
    }

    /**
     * The component's arguments from this stack's validated configuration; the secrets are set as secret outputs
     * (the caller may replace them with {@code requireSecret}), the artifact is left to the caller.
     */
    public static SnowflakeSageMakerFunctionsArgs.Builder args(StackSettings settings) {
        SnowflakeConnection connection = settings.snowflake();
        return SnowflakeSageMakerFunctionsArgs.builder()
                .functions(settings.functions())
                .database(settings.database())
                .schema(settings.schema())
                .snowflake(new SnowflakeAccount(connection.organizationName(), connection.accountName(),
                        connection.user(), connection.role(), connection.warehouse()))
                .snowflakePrivateKey(Output.ofSecret(connection.privateKey()))
                .snowflakePrivateKeyPassphrase(connection.privateKeyPassphrase() == null ? null
                        : Output.ofSecret(connection.privateKeyPassphrase()))
                .lambda(settings.lambda())
                .scoring(settings.scoring())
                .monitoring(settings.monitoring())
                .logRetentionDays(settings.logRetentionDays())
                .endpointType(settings.endpointType())
                .snowflakeVpcIds(settings.snowflakeVpcIds())
                .discoverSnowflakeVpcIds(settings.discoverSnowflakeVpcIds())
                .integrationTimeoutSeconds(settings.integrationTimeoutSeconds())
                .accessLogging(settings.accessLogging())
                .iamPropagation(settings.iamPropagation())
                .grantDatabaseAndSchemaUsage(settings.grantDatabaseAndSchemaUsage())
                .asyncStateDays(settings.asyncStateDays());
    }

    /** {@code privateKey} of {@code snowflake:privateKey}: a Config of one namespace takes names without it. */
    private static String keyName(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /** Keys are {@code namespace:name}; structured values come back as JSON text. */
    private static ConfigSource source(Context ctx) {
        Set<String> keys = configKeys(System.getenv(ENGINE_CONFIG));
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                int colon = key.indexOf(':');
                return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
            }

            @Override
            public Set<String> keys() {
                return keys;
            }
        };
    }

    /**
     * Every key the stack sets, from the JSON object the engine hands the program in {@value #ENGINE_CONFIG} (each
     * {@code namespace:key}); empty when there is none (under the mock engine) or it cannot be read.
     */
    static Set<String> configKeys(String engineConfig) {
        if (engineConfig == null || engineConfig.isBlank()) {
            return Set.of();
        }
        try {
            Set<String> keys = new TreeSet<>();
            JSON.readTree(engineConfig).fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (JsonProcessingException e) {
            return Set.of();
        }
    }

    /** The Pulumi host runs the program in {@code infra/}; the artifact sits beside it, under the project root. */
    static Path repositoryRoot(Path workingDirectory) {
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        return Optional.ofNullable(workingDirectory.getParent()).orElse(workingDirectory);
    }
}
