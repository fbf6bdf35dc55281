package dev.sqlscore.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.infra.config.FunctionSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack and the handler are separate modules, so the names that join them (handler class, environment
 * variables, function headers) are written twice. This checks them against the artifact the stack deploys, loaded
 * in a class loader of its own so that none of its classes mix with the Pulumi program's.
 */
class HandlerContractTest {

    private static final Path ARTIFACT = Path.of("..", "handler", "target", "handler.jar");
    private static URLClassLoader handlerJar;

    @BeforeAll
    static void loadTheArtifact() throws Exception {
        assertTrue(Files.isRegularFile(ARTIFACT), "no " + ARTIFACT.toAbsolutePath().normalize()
                + ": run `" + ScoringLambda.BUILD_COMMAND
                + "` at the repository root (a root `./mvnw -B verify` builds it)");
        handlerJar = new URLClassLoader(new URL[] {ARTIFACT.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws Exception {
        handlerJar.close();
    }

    @Test
    void theLambdaHandlerNamedByTheStackIsARequestStreamHandlerInTheArtifact() throws Exception {
        String[] handler = ScoringLambda.HANDLER.split("::");
        Class<?> type = handlerJar.loadClass(handler[0]);
        Class<?> streamHandler = handlerJar.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
        assertTrue(streamHandler.isAssignableFrom(type), handler[0] + " must implement RequestStreamHandler");
        assertEquals("handleRequest", handler[1]);
        type.getConstructor(); // Lambda instantiates it with its public no-argument constructor
    }

    @Test
    void theStackSetsExactlyTheEnvironmentTheHandlerReads() throws Exception {
        assertEquals(constants(handlerJar.loadClass("dev.sqlscore.scoring.ScoringConfig"), "ENV_"),
                constants(ScoringLambda.class, "ENV_"));
    }

    @Test
    void theStackWritesExactlyTheFunctionHeadersTheHandlerReads() throws Exception {
        Set<String> handlerHeaders = new TreeSet<>();
        for (String value : constants(handlerJar.loadClass("dev.sqlscore.snowflake.FunctionSettings"), "")) {
            if (value.startsWith("sagemaker-")) {
                handlerHeaders.add(value);
            }
        }
        assertEquals(handlerHeaders, constants(FunctionSettings.class, "HEADER_"));
    }

    /** The dashboard and the alarms address the handler's metrics by these names: the same list, the same order. */
    @Test
    void theStackWatchesExactlyTheMetricsTheHandlerEmits() throws Exception {
        Class<?> metrics = handlerJar.loadClass("dev.sqlscore.telemetry.Metrics");
        assertEquals(metrics.getField("NAMES").get(null), MetricNames.NAMES);
        for (String dimension : List.of("DIMENSION_FUNCTION", "DIMENSION_ENDPOINT", "DIMENSION_OUTCOME")) {
            assertEquals(metrics.getField(dimension).get(null), MetricNames.class.getDeclaredField(dimension)
                    .get(null), dimension);
        }
    }

    /** Values of the static final String fields whose names start with {@code prefix}. */
    private static Set<String> constants(Class<?> type, String prefix) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && field.getName().startsWith(prefix)) {
                field.setAccessible(true);
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
