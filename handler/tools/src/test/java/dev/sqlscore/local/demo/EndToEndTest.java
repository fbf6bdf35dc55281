package dev.sqlscore.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.ExternalFunctionException;
import dev.sqlscore.local.client.RetryPolicy;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.scoring.ScoringConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Snowflake-like client -> local API server -> the real Lambda handler -> the AWS SDK -> the local
 * SageMaker-protocol server with the toy churn model, over real loopback sockets.
 */
class EndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Integer> invocationBytes = new CopyOnWriteArrayList<>();
    private LocalPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        http.close();
    }

    private ExternalFunctionClient client(FaultHook hook, boolean decompress, int retries) throws Exception {
        pipeline = LocalPipeline.builder().api(LocalApiServer.builder().port(0).log(line -> { })
                .minimumCompressionSize(decompress ? LocalApiServer.DEFAULT_MINIMUM_COMPRESSION_SIZE : null))
                .faultHook(invocation -> {
            invocationBytes.add(invocation.request().body().length);
            return hook.before(invocation);
        }).start();
        return ExternalFunctionClient.builder().http(http).concurrency(4)
                .retryPolicy(new RetryPolicy(retries, Duration.ofMillis(5), Duration.ofMillis(20)))
                .requests(SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                        .endpointName(LocalPipeline.DEMO_ENDPOINT).timeout(Duration.ofSeconds(30)).build())
                .build();
    }

    private static List<JsonNode> rows(int count) {
        return ChurnScores.rows(count);
    }

    /** Rows of 13 features of about 20 characters each (full doubles): 25,000 of them make a 6.6 MB batch. */
    private static synchronized List<JsonNode> wideRows() {
        if (wideRows == null) {
            wideRows = ChurnScores.rows(25_000, 42, feature -> Double.toString(feature));
        }
        return wideRows;
    }

    private static List<JsonNode> wideRows;

    private static void assertScores(List<JsonNode> rows, List<JsonNode> values) {
        ChurnScores.assertScores(rows, values);
    }

    @Test
    void tenThousandRowGzipBatchIsScoredInRowOrder() throws Exception {
        List<JsonNode> rows = rows(10_000);
        List<JsonNode> values = client(FaultHook.NONE, true, 0).call(SnowflakeBatch.split(rows, 10_000));
        assertScores(rows, values);
        assertEquals(1, invocationBytes.size());
    }

    @Test
    void batchOverSixMegabytesIsChunkedUnderSageMakersLimit() throws Exception {
        List<JsonNode> rows = wideRows();
        SnowflakeBatch batch = SnowflakeBatch.split(rows, rows.size()).get(0);
        assertTrue(batch.toJson().length > 6 * 1024 * 1024, "the batch is " + batch.toJson().length + " bytes");
        // Still gzip in the event (base64), as an API without content encoding passes it: decompressed, it would
        // not fit Lambda's 6 MB event (see the next test).
        List<JsonNode> values = client(FaultHook.NONE, false, 0).call(List.of(batch));
        assertScores(rows, values);
        assertTrue(invocationBytes.size() >= 2, "model calls: " + invocationBytes);
        assertTrue(invocationBytes.stream().allMatch(bytes -> bytes <= ScoringConfig.DEFAULT_MAX_REQUEST_BYTES),
                "model call sizes: " + invocationBytes);
    }

    @Test
    void batchJustUnderLambdasEventLimitIsChunkedThroughTheStacksPath() throws Exception {
        List<JsonNode> rows = wideRows().subList(0, 19_000);
        SnowflakeBatch batch = SnowflakeBatch.split(rows, rows.size()).get(0);
        int bytes = batch.toJson().length;
        assertTrue(bytes > ScoringConfig.DEFAULT_MAX_REQUEST_BYTES && bytes < 6_000_000, bytes + " bytes");
        List<JsonNode> values = client(FaultHook.NONE, true, 0).call(List.of(batch));
        assertScores(rows, values);
        assertTrue(invocationBytes.size() >= 2, "model calls: " + invocationBytes);
    }

    @Test
    void batchDecompressedPastLambdasEventLimitIsRefusedWith413() throws Exception {
        List<JsonNode> rows = wideRows();
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class,
                () -> client(FaultHook.NONE, true, 0).call(SnowflakeBatch.split(rows, rows.size())));
        assertEquals(413, e.statusCode());
        assertTrue(invocationBytes.isEmpty());
    }

    @Test
    void severalBatchesRunAtOnce() throws Exception {
        CountDownLatch twoInFlight = new CountDownLatch(2);
        AtomicBoolean overlapped = new AtomicBoolean();
        List<JsonNode> rows = rows(4_000);
        List<JsonNode> values = client(invocation -> {
            twoInFlight.countDown();
            // Returns at once when another model call is in flight; a serial pipeline would wait the full time.
            if (twoInFlight.await(10, TimeUnit.SECONDS)) {
                overlapped.set(true);
            }
            return FaultHook.Action.proceed();
        }, true, 0).call(SnowflakeBatch.split(rows, 500));
        assertScores(rows, values);
        assertTrue(overlapped.get(), "no two model calls were in flight at once");
        assertEquals(8, invocationBytes.size());
    }

    @Test
    void throttlingReachesSnowflakeAs429() throws Exception {
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class, () -> client(
                invocation -> FaultHook.Action.reply(Reply.throttling()), true, 0)
                .call(SnowflakeBatch.split(rows(10), 10)));
        assertEquals(429, e.statusCode());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("throttl"), e.getMessage());
    }

    @Test
    void throttledBatchSucceedsOnSnowflakesRetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<JsonNode> rows = rows(10);
        List<JsonNode> values = client(invocation -> calls.incrementAndGet() <= 4
                ? FaultHook.Action.reply(Reply.throttling()) : FaultHook.Action.proceed(), true, 3)
                .call(SnowflakeBatch.split(rows, 10));
        assertScores(rows, values);
        assertTrue(calls.get() > 4);
    }

    @Test
    void modelRejectingItsInputReachesSnowflakeAs400WithoutRowData() throws Exception {
        List<JsonNode> rows = new ArrayList<>(rows(3));
        rows.add(RowReader.read("123.456,2", RowReader.Format.CSV, false).get(0));
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class,
                () -> client(FaultHook.NONE, true, 0).call(SnowflakeBatch.split(rows, 10)));
        assertEquals(400, e.statusCode());
        assertFalse(e.getMessage().contains("123.456"), e.getMessage());
    }

    @Test
    void crashingModelReachesSnowflakeAsRetryable503() throws Exception {
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class, () -> client(
                invocation -> FaultHook.Action.reply(Reply.containerError(500, "out of memory")), true, 0)
                .call(SnowflakeBatch.split(rows(10), 10)));
        assertEquals(503, e.statusCode());
    }
}
