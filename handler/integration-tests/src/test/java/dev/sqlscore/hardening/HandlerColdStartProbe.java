package dev.sqlscore.hardening;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.sqlscore.lambda.ExternalFunctionHandler;
import dev.sqlscore.lambda.TestHandlers;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda cold start in a fresh JVM, timed: the handler's initialization (its public constructor, as Lambda
 * calls it), optionally the SnapStart priming, then two batches through the SDK to the model server named by
 * {@code AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME}. Prints one line of milliseconds for {@link ColdStartBenchmark}.
 *
 * <p>Arguments: {@code --prime} to run priming between initialization and the first batch.
 */
public final class HandlerColdStartProbe {

    static final String ENDPOINT = "churn-model";
    static final int ROWS = 100;

    private HandlerColdStartProbe() {
    }

    public static void main(String[] args) {
        boolean prime = List.of(args).contains("--prime");
        long main = System.nanoTime();
        RequestStreamHandler handler = new ExternalFunctionHandler();
        long initialized = System.nanoTime();
        if (prime) {
            TestHandlers.prime(handler);
        }
        long primed = System.nanoTime();
        answer(handler, 0);
        long first = System.nanoTime();
        answer(handler, ROWS);
        long second = System.nanoTime();
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime() - millis(System.nanoTime() - main);
        System.out.printf("probe jvmToMain=%d init=%d priming=%d firstBatch=%d secondBatch=%d%n", jvmToMain,
                millis(initialized - main), millis(primed - initialized), millis(first - primed),
                millis(second - first));
    }

    private static void answer(RequestStreamHandler handler, long first) {
        RawRequest request = new RawRequest("POST", Set.of(), Map.of(
                "sf-external-function-format", List.of("json"),
                "sf-external-function-format-version", List.of("1.0"),
                "sf-custom-sagemaker-endpoint-name", List.of(ENDPOINT)), ChurnBatch.body(ROWS, first));
        ProxyEvents.Response response = ProxyEvents.call(handler, ProxyEvents.of(request).json());
        if (response.status() != 200) {
            throw new IllegalStateException("the batch got " + response.status());
        }
        ChurnBatch.assertCompleteAnswer(ROWS, first, response.body());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
