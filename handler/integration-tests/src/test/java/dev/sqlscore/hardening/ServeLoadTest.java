package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sqlscore.local.demo.LocalPipeline;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Many batches at once through the whole local path (HTTP API, proxy event, handler, SDK, model server) on
 * loopback: each is answered in full, in order, once. Correctness only; {@link LoadBenchmark} measures speed.
 */
class ServeLoadTest {

    @Test
    void concurrentBatchesAreEachAnsweredInFullAndInOrder() throws IOException, InterruptedException {
        try (LocalPipeline pipeline = LocalPipeline.builder().endpoint("churn-model", ChurnBatch::firstFeature)
                .start()) {
            LoadDriver.Result result = new LoadDriver(pipeline.apiUri(), "churn-model", 48, 250, 12,
                    Duration.ofSeconds(30)).run();

            assertNull(result.firstFailure());
            assertEquals(48, result.sent());
            assertEquals(48, result.answered());
        }
    }
}
