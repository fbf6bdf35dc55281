package dev.sqlscore.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.sqlscore.infra.config.ConfigSource;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The stack: read the configuration, instantiate the component, export what SQL users need. */
public final class App {

    static final String COMPONENT_NAME = "sqlscore";
    static final Path HANDLER_ARTIFACT = Path.of("handler", "target", "handler.jar");
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
        var component = new SnowflakeSageMakerFunctions(COMPONENT_NAME, SnowflakeSageMakerFunctionsArgs.builder()
                .settings(settings)
                .handlerArtifact(repositoryRoot(Path.of("").toAbsolutePath()).resolve(HANDLER_ARTIFACT))
                .build());
        ctx.export("invokeUrl", component.invokeUrl());
        ctx.export("roleArn", component.roleArn());
        ctx.export("integrationName", component.integrationName());
        ctx.export("functionNames", component.functionNames());
        ctx.export("sampleSql", component.sampleSql());
        ctx.export("dashboardUrl", component.dashboardUrl());
    }

    /** Keys are {@code namespace:name}; structured values come back as JSON text. */
    private static ConfigSource source(Context ctx) {
        return key -> {
            int colon = key.indexOf(':');
            return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
        };
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
