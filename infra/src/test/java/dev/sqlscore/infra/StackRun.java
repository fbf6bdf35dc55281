package dev.sqlscore.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the component under Pulumi's mock engine and keeps what a test inspects: the registrations (through
 * {@link FakeCloud}), each resource's options (through a stack transformation) and the waits requested.
 */
final class StackRun {

    static final String STACK = "dev";
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestResult result;
    final FakeCloud cloud;
    final Map<String, ResourceOptions> options;
    final Map<String, ResourceArgs> args;
    final List<Duration> waits;
    final SnowflakeSageMakerFunctions component;

    private StackRun(TestResult result, FakeCloud cloud, Map<String, ResourceOptions> options,
                     Map<String, ResourceArgs> args, List<Duration> waits, SnowflakeSageMakerFunctions component) {
        this.result = result;
        this.cloud = cloud;
        this.options = options;
        this.args = args;
        this.waits = waits;
        this.component = component;
    }

    static StackRun run(StackSettings settings, Path artifact) {
        return run(settings, artifact, new FakeCloud(), false);
    }

    static StackRun run(StackSettings settings, Path artifact, FakeCloud cloud, boolean preview) {
        Map<String, ResourceOptions> options = new ConcurrentHashMap<>();
        Map<String, ResourceArgs> resourceArgs = new ConcurrentHashMap<>();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SnowflakeSageMakerFunctions[] component = new SnowflakeSageMakerFunctions[1];
        ResourceTransformation recordOptions = args -> {
            String key = ResourceGraph.key(args.resource());
            options.put(key, args.options());
            if (args.args() != null) {
                resourceArgs.put(key, args.args());
            }
            return Optional.empty();
        };
        TestResult result = PulumiTest.withMocks(cloud)
                .withOptions(TestOptions.builder().projectName("sqlscore").stackName(STACK).preview(preview)
                        .resourceTransformations(List.of(recordOptions)).build())
                .runTest(ctx -> component[0] = new SnowflakeSageMakerFunctions("sqlscore",
                        App.args(settings)
                                .handlerArtifact(artifact)
                                .propagationDelay(delay -> {
                                    waits.add(delay);
                                    return CompletableFuture.completedFuture(null);
                                })
                                .build()));
        return new StackRun(result, cloud, options, resourceArgs, waits, component[0]);
    }

    /** Every stack test starts here: a failure inside an apply does not throw from runTest. */
    StackRun assertSucceeded() {
        assertTrue(result.exceptions().isEmpty(), () -> "exceptions: " + result.exceptions());
        assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
        return this;
    }

    Map<String, Object> inputs(String type, String name) {
        return cloud.inputs(type, name);
    }

    /** The one statement of a policy document input ({@code policy}, {@code assumeRolePolicy}) of a resource. */
    JsonNode statement(String type, String name, String input) {
        try {
            JsonNode statements = JSON.readTree((String) inputs(type, name).get(input)).get("Statement");
            assertEquals(1, statements.size(), () -> type + " " + name + " has " + statements);
            return statements.get(0);
        } catch (JsonProcessingException e) {
            throw new AssertionError(type + " " + name + "." + input + " is not JSON", e);
        }
    }

    /** What the engine would see each resource depend on, explicit and through its inputs. */
    ResourceGraph graph() {
        return ResourceGraph.of(options, args);
    }

    ResourceOptions options(String type, String name) {
        ResourceOptions found = options.get(type + " " + name);
        if (found == null) {
            throw new AssertionError("no options recorded for " + type + " " + name + "; have " + options.keySet());
        }
        return found;
    }
}
