package dev.sqlscore.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.ExternalFunctionException;
import dev.sqlscore.local.client.PollPolicy;
import dev.sqlscore.local.client.RetryPolicy;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.demo.ChurnScores;
import dev.sqlscore.local.demo.LocalPipeline;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.snowflake.Gzip;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Snowflake's asynchronous protocol against the real handler, over loopback: POSTs and GET polls through the local
 * API, SageMaker Asynchronous Inference from the local model server, S3 from a real S3 API server.
 */
class AsyncProtocolTest {

    private static final String ENDPOINT = "async-churn";
    /** A value only one row carries: if it shows up in an answer or a log, row data leaked. */
    private static final String CANARY = "-0.123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicInteger queueCalls = new AtomicInteger();
    private final ChurnModel churn = new ChurnModel();
    /** API Gateway's budget, short so that a model can be slower than it in a test. */
    private Duration integrationTimeout = Duration.ofSeconds(5);
    private LocalPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        http.close();
    }

    private void start(Model model, Duration delay, FaultHook hook, UnaryOperator<URI> s3Route, String... settings)
            throws IOException {
        LocalPipeline.Builder builder = LocalPipeline.builder()
                .api(LocalApiServer.builder().port(0).log(logs::add)
                        .integrationTimeout(integrationTimeout).functionTimeout(integrationTimeout))
                .asyncEndpoint(ENDPOINT, invocation -> {
                    modelCalls.incrementAndGet();
                    return model.invoke(invocation);
                }, delay)
                .faultHook(invocation -> {
                    queueCalls.incrementAndGet();
                    return hook.before(invocation);
                })
                .handlerS3Route(s3Route)
                .handlerLog(logs::add);
        for (int i = 0; i < settings.length; i += 2) {
            builder.handlerSetting(settings[i], settings[i + 1]);
        }
        pipeline = builder.start();
    }

    private void start(Model model, Duration delay, String... settings) throws IOException {
        start(model, delay, FaultHook.NONE, UnaryOperator.identity(), settings);
    }

    private SnowflakeRequestFactory requests(String queryId) {
        SnowflakeRequestFactory.Builder requests = SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                .queryId(queryId).timeout(Duration.ofSeconds(10));
        pipeline.asyncFunctionHeaders().forEach(requests::customHeader);
        return requests.build();
    }

    private ExternalFunctionClient client(int retries) {
        return client(retries, (batch, count, waited, state) -> { });
    }

    private ExternalFunctionClient client(int retries, ExternalFunctionClient.PollListener polls) {
        return ExternalFunctionClient.builder().http(http).requests(requests("query-1")).concurrency(16)
                .retryPolicy(new RetryPolicy(retries, Duration.ofMillis(20), Duration.ofMillis(100)))
                .pollPolicy(new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(60)))
                .polls(polls)
                .build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        boolean gzip = Gzip.isGzip(response.headers().firstValue("content-encoding").orElse(null));
        return new String(gzip ? Gzip.decompress(response.body()) : response.body(), StandardCharsets.UTF_8);
    }

    /** Polls until the answer is not 202. */
    private HttpResponse<byte[]> awaitAnswer(SnowflakeRequestFactory requests, SnowflakeBatch batch)
            throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < giveUp) {
            HttpResponse<byte[]> poll = send(requests.poll(batch));
            if (poll.statusCode() != 202) {
                return poll;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("still 202 after 30 s");
    }

    @Test
    void aModelSlowerThanTheIntegrationTimeoutIsAnsweredThroughPolls() throws Exception {
        // The POST must be answered (202) within the integration timeout while the machine may be busy with other
        // builds: 3 s leaves it 2.5 s (one run with 2 s failed under a parallel PIT run); the model takes longer.
        integrationTimeout = Duration.ofSeconds(3);
        start(churn, Duration.ofMillis(4_500));
        List<String> polls = new CopyOnWriteArrayList<>();
        List<JsonNode> rows = ChurnScores.rows(300);
        List<JsonNode> values = client(0, (batch, count, waited, state) -> polls.add(state))
                .call(SnowflakeBatch.split(rows, 300));
        ChurnScores.assertScores(rows, values);
        assertEquals(1, modelCalls.get());
        assertTrue(polls.size() >= 3, polls.toString());
        assertTrue(polls.contains("0 of 1 model requests answered"), polls.toString());
    }

    @Test
    void retriedPostsOfOneBatchStartTheWorkOnce() throws Exception {
        start(churn, Duration.ofMillis(500));
        SnowflakeRequestFactory requests = requests("query-retried");
        List<JsonNode> rows = ChurnScores.rows(100);
        SnowflakeBatch batch = SnowflakeBatch.split(rows, 100).get(0);
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<byte[]> accepted = send(requests.request(batch));
            assertEquals(202, accepted.statusCode(), text(accepted));
        }
        HttpResponse<byte[]> answer = awaitAnswer(requests, batch);
        assertEquals(200, answer.statusCode(), text(answer));
        assertEquals(1, queueCalls.get(), "InvokeEndpointAsync calls");
        assertEquals(1, modelCalls.get(), "model runs");
        // A POST after the answer (a late retry) still does nothing new, and the answer stays the same.
        assertEquals(202, send(requests.request(batch)).statusCode());
        HttpResponse<byte[]> again = awaitAnswer(requests, batch);
        assertEquals(text(answer), text(again));
        assertEquals(1, queueCalls.get());
        List<JsonNode> values = new ArrayList<>();
        LocalJson.MAPPER.readTree(text(answer)).get("data").forEach(row -> values.add(row.get(1)));
        ChurnScores.assertScores(rows, values);
    }

    @Test
    void manyBatchesInFlightAllResolveEveryRowOnceInOrder() throws Exception {
        start(churn, Duration.ofMillis(300), ScoringConfig.ENV_MAX_ROWS_PER_REQUEST, "40");
        List<JsonNode> rows = ChurnScores.rows(4_000);
        List<SnowflakeBatch> batches = SnowflakeBatch.split(rows, 100);
        List<JsonNode> values = client(2).call(batches);
        ChurnScores.assertScores(rows, values);
        assertEquals(40 * 3, modelCalls.get(), "40 batches of 100 rows, 3 chunks each");
    }

    @Test
    void aFailingChunkFailsTheBatchOnceAndItsErrorDocumentIsNotQuoted() throws Exception {
        Model refusesTheCanary = invocation -> {
            String body = new String(invocation.request().body(), StandardCharsets.UTF_8);
            return body.contains(CANARY) ? new Reply.ContainerAnswer(400, "text/plain", ("cannot score the row "
                    + body.lines().filter(l -> l.contains(CANARY)).findFirst().orElseThrow())
                    .getBytes(StandardCharsets.UTF_8)) : churn.invoke(invocation);
        };
        start(refusesTheCanary, Duration.ZERO, ScoringConfig.ENV_MAX_ROWS_PER_REQUEST, "10");
        List<JsonNode> rows = new ArrayList<>(ChurnScores.rows(50));
        rows.set(33, LocalJson.MAPPER.readTree("[" + CANARY + ",0,0,0,0,0,0,0,0,0,0,0,0]"));
        ExternalFunctionException failure = assertThrows(ExternalFunctionException.class,
                () -> client(0).call(SnowflakeBatch.split(rows, 50)));
        assertEquals(400, failure.statusCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains("MODEL_REJECTED_INPUT"), failure.getMessage());
        assertTrue(failure.getMessage().contains("request 4 of 5"), failure.getMessage());
        assertTrue(failure.getMessage().contains("s3://" + LocalPipeline.OUTPUT_BUCKET + "/failures/"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(CANARY), failure.getMessage());
        assertTrue(logs.stream().noneMatch(line -> line.contains(CANARY)), "a log line holds row data");
        assertTrue(logs.stream().anyMatch(line -> line.contains("\"state\":\"failed\"")), String.join("\n", logs));
    }

    @Test
    void aPollForABatchNeverStartedIsA404ThatSaysSo() throws Exception {
        start(churn, Duration.ZERO);
        SnowflakeBatch never = SnowflakeBatch.split(ChurnScores.rows(1), 1).get(0);
        HttpResponse<byte[]> poll = send(requests("query-never-posted").poll(never));
        assertEquals(404, poll.statusCode());
        assertTrue(text(poll).contains("BATCH_NOT_FOUND") && text(poll).contains("run the query again"), text(poll));
    }

    @Test
    void throttledQueueingIsRetriedBySnowflakeAndNoChunkIsQueuedTwice() throws Exception {
        // The SDK retries a throttled call itself (three attempts in all): throttle the third chunk past that.
        AtomicInteger throttled = new AtomicInteger();
        start(churn, Duration.ZERO, invocation -> invocation.headers().first("X-Amzn-SageMaker-Inference-Id")
                        .orElseThrow().endsWith("-2") && throttled.getAndIncrement() < 3
                        ? FaultHook.Action.reply(Reply.throttling()) : FaultHook.Action.proceed(),
                UnaryOperator.identity(), ScoringConfig.ENV_MAX_ROWS_PER_REQUEST, "10",
                ScoringConfig.ENV_MAX_CONCURRENT_REQUESTS, "1");
        List<JsonNode> rows = ChurnScores.rows(50);
        List<JsonNode> values = client(3).call(SnowflakeBatch.split(rows, 50));
        ChurnScores.assertScores(rows, values);
        assertTrue(logs.stream().anyMatch(line -> line.contains("\"status\":429")), String.join("\n", logs));
        // The retried POST queued the third chunk and the two after it; the first two were not queued again.
        assertEquals(5 + 3, queueCalls.get(), "InvokeEndpointAsync calls: 5 chunks and 3 throttled attempts");
        assertEquals(5, modelCalls.get());
    }

    @Test
    void malformedAndTruncatedOutputsAreTheModelsFaultNamedAsSuch() throws Exception {
        start(invocation -> new Reply.ContainerAnswer(200, "text/csv", "0.5\n0.".getBytes(StandardCharsets.UTF_8)),
                Duration.ZERO);
        ExternalFunctionException failure = assertThrows(ExternalFunctionException.class,
                () -> client(0).call(SnowflakeBatch.split(ChurnScores.rows(3), 3)));
        assertEquals(400, failure.statusCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains("MODEL_RESPONSE_INVALID") && failure.getMessage().contains(
                "request 1 of 1 (asynchronous): Expected 3 rows, model returned 2"), failure.getMessage());
    }

    @Test
    void s3SlowerThanTheBudgetIsA503ThatARetryGetsPast() throws Exception {
        SlowRelay[] slow = new SlowRelay[1];
        start(churn, Duration.ZERO, FaultHook.NONE, s3 -> {
            try {
                slow[0] = new SlowRelay(s3, Duration.ofMillis(400));
                return slow[0].uri();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, ScoringConfig.ENV_DEADLINE_MILLIS, "300");
        try (SlowRelay relay = slow[0]) {
            SnowflakeRequestFactory requests = requests("query-slow-s3");
            SnowflakeBatch batch = SnowflakeBatch.split(ChurnScores.rows(20), 20).get(0);
            HttpResponse<byte[]> first = send(requests.request(batch));
            assertEquals(503, first.statusCode(), text(first));
            assertTrue(text(first).contains("STATE_UNAVAILABLE") && text(first).contains("s3://"), text(first));
            relay.delay(Duration.ZERO);
            HttpResponse<byte[]> retried = send(requests.request(batch));
            assertEquals(202, retried.statusCode(), text(retried));
            assertEquals(200, awaitAnswer(requests, batch).statusCode());
        }
    }

    @Test
    void s3GoneIsA503NamingTheStateAndNoRowData() throws Exception {
        start(churn, Duration.ZERO);
        pipeline.s3().close();
        SnowflakeBatch batch = SnowflakeBatch.split(ChurnScores.rows(5), 5).get(0);
        HttpResponse<byte[]> answer = send(requests("query-s3-gone").request(batch));
        assertEquals(503, answer.statusCode(), text(answer));
        assertTrue(text(answer).contains("STATE_UNAVAILABLE") && text(answer).contains("s3://"
                + LocalPipeline.STATE_BUCKET + "/"), text(answer));
    }

    @Test
    void aRealTimeFunctionInTheSameDeploymentStillAnswersAtOnce() throws Exception {
        start(churn, Duration.ofSeconds(30));
        SnowflakeRequestFactory realTime = SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                .endpointName(LocalPipeline.DEMO_ENDPOINT).build();
        List<JsonNode> rows = ChurnScores.rows(10);
        HttpResponse<byte[]> answer = send(realTime.request(SnowflakeBatch.split(rows, 10).get(0)));
        assertEquals(200, answer.statusCode(), text(answer));
        assertEquals(0, modelCalls.get());
    }
}
