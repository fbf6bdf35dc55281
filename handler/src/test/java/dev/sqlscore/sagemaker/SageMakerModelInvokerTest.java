package dev.sqlscore.sagemaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The SDK shell, through the SDK's whole path (marshalling, signing, unmarshalling) with an HTTP client that answers
 * in memory: every setting of a request reaches the model as the SageMaker runtime's headers carry it.
 */
class SageMakerModelInvokerTest {

    private static final byte[] ROWS = "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);

    private final List<ModelRequest> seen = new CopyOnWriteArrayList<>();
    private final SageMakerModelInvoker invoker = SageMakerModelInvoker.inMemory((request, timeout) -> {
        seen.add(request);
        return new ModelResponse("application/json", "[0.25,0.75]".getBytes(StandardCharsets.UTF_8));
    });

    @Test
    void everySettingReachesTheModel() {
        ModelResponse answer = invoker.invoke(new ModelRequest("churn-model", "text/csv", "application/json",
                "model-b.tar.gz", "blue", "churn-ic", "trace=1", ROWS), Duration.ofSeconds(5));

        assertEquals("application/json", answer.contentType());
        assertEquals("[0.25,0.75]", new String(answer.body(), StandardCharsets.UTF_8));
        ModelRequest received = seen.get(0);
        assertEquals("churn-model", received.endpointName());
        assertEquals("text/csv", received.contentType());
        assertEquals("application/json", received.accept());
        assertEquals("model-b.tar.gz", received.targetModel());
        assertEquals("blue", received.targetVariant());
        assertEquals("churn-ic", received.inferenceComponent());
        assertEquals("trace=1", received.customAttributes());
        assertArrayEquals(ROWS, received.body());
    }

    @Test
    void settingsNotGivenAreNotSent() {
        invoker.invoke(new ModelRequest("churn-model", "text/csv", "text/csv", null, null, null, null, ROWS),
                Duration.ofSeconds(5));
        ModelRequest received = seen.get(0);
        assertNull(received.targetModel());
        assertNull(received.targetVariant());
        assertNull(received.inferenceComponent());
        assertNull(received.customAttributes());
    }

    @Test
    void noTimeLeftIsAnswerEnoughWithoutACall() {
        for (Duration left : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
            ModelInvocationException e = assertThrows(ModelInvocationException.class, () -> invoker.invoke(
                    new ModelRequest("churn-model", "text/csv", "text/csv", null, null, null, null, ROWS), left));
            assertEquals(ModelInvocationException.Failure.TIMED_OUT, e.failure());
        }
        assertEquals(List.of(), seen);
        assertEquals("SageMakerModelInvoker[us-east-1]", invoker.toString());
    }

    @Test
    void aRequestWithoutItsMediaTypesIsNotAnInvokeEndpointRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InvokeEndpointWire.request("churn-model", name -> Optional.empty(), ROWS));
        assertEquals("no Content-Type header", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InvokeEndpointWire.request("churn-model",
                name -> name.equals("Content-Type") ? Optional.of("text/csv") : Optional.empty(), ROWS));
        assertEquals("no Accept header", e.getMessage());
    }
}
