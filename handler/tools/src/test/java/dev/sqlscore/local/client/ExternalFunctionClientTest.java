package dev.sqlscore.local.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.api.EchoHandler;
import dev.sqlscore.local.api.LocalApiServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExternalFunctionClientTest {

    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.close();
    }

    private ExternalFunctionClient.Builder clientFor(EchoHandler handler) throws Exception {
        server = LocalApiServer.builder().handler(handler).port(0).log(line -> { }).start();
        return ExternalFunctionClient.builder().http(http).retryPolicy(QUICK_RETRIES)
                .requests(SnowflakeRequestFactory.builder().uri(server.uri()).build());
    }

    @Test
    void resultsComeBackInInputOrderAcrossConcurrentBatches() throws Exception {
        EchoHandler handler = new EchoHandler();
        List<String> progress = new CopyOnWriteArrayList<>();
        List<JsonNode> rows = TestRows.numbered(1_000);
        List<JsonNode> values = clientFor(handler).concurrency(4)
                .progress((done, total) -> progress.add(done + "/" + total)).build()
                .call(SnowflakeBatch.split(rows, 70));
        assertEquals(1_000, values.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(i, values.get(i).get(0).asInt());
        }
        assertEquals(15, handler.events.size());
        assertEquals("1000/1000", progress.get(progress.size() - 1));
        assertEquals(15, progress.size());
    }

    @Test
    void throttlingIsRetriedLikeSnowflakeDoes() throws Exception {
        EchoHandler handler = new EchoHandler(2, 429);
        List<JsonNode> values = clientFor(handler).build().call(SnowflakeBatch.split(TestRows.numbered(3), 10));
        assertEquals(3, values.size());
        assertEquals(3, handler.events.size());
        // Snowflake keeps the batch id on retries.
        assertEquals(1, handler.events.stream().map(e -> e.at("/headers").toString().replaceAll(".*query-batch-id\":\"",
                "").replaceAll("\".*", "")).distinct().count());
    }

    @Test
    void failureThatOutlastsRetriesReportsStatusAndBody() throws Exception {
        EchoHandler handler = new EchoHandler(10, 503);
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class,
                () -> clientFor(handler).build().call(SnowflakeBatch.split(TestRows.numbered(3), 10)));
        assertEquals(503, e.statusCode());
        assertEquals(4, handler.events.size());
        assertTrue(e.getMessage().contains("HTTP 503 after 3 retries: {\"error\":\"Throttled\""), e.getMessage());
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        EchoHandler handler = new EchoHandler(10, 400);
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class,
                () -> clientFor(handler).build().call(SnowflakeBatch.split(TestRows.numbered(3), 10)));
        assertEquals(400, e.statusCode());
        assertEquals(1, handler.events.size());
        assertTrue(e.getMessage().startsWith("batch 0 (rows 0..2): HTTP 400: "), e.getMessage());
    }

    @Test
    void answerWithMissingRowsIsRejectedAsSnowflakeWould() {
        assertEquals("Snowflake would reject this answer: it answered 1 rows for 2 sent",
                assertThrows(ExternalFunctionException.class,
                        () -> AnswerReader.values("{\"data\":[[0,1]]}".getBytes(), 2)).getMessage());
        assertTrue(assertThrows(ExternalFunctionException.class,
                () -> AnswerReader.values("{\"data\":[[0,1],[0,2]]}".getBytes(), 2)).getMessage()
                .contains("out of range or repeated"));
        assertTrue(assertThrows(ExternalFunctionException.class,
                () -> AnswerReader.values("[]".getBytes(), 2)).getMessage().contains("no \"data\" array"));
    }

    @Test
    void noServerMeansStatusZeroAfterRetries() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        ExternalFunctionClient client = ExternalFunctionClient.builder().http(http).retryPolicy(QUICK_RETRIES)
                .requests(SnowflakeRequestFactory.builder().uri(URI.create("http://127.0.0.1:" + freePort + "/"))
                        .build()).build();
        ExternalFunctionException e = assertThrows(ExternalFunctionException.class,
                () -> client.call(SnowflakeBatch.split(TestRows.numbered(1), 10)));
        assertEquals(0, e.statusCode());
        assertTrue(e.getMessage().contains("no answer from"), e.getMessage());
    }
}
