package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One invocation from event to proxy response: a malformed event is a 400, a failure reading it a 500 and an answer
 * over Lambda's response limit a 413 (exactly at the limit it goes out), each with its own log line; a log sink
 * that fails costs nothing.
 */
class ProxyExchangeTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ProxyExchange exchange = new ProxyExchange(lines::add);

    /** A scorer whose model answers its one row with a string of {@code length} letters. */
    private static BatchScorer answering(int length) {
        String answer = "[\"" + "x".repeat(length) + "\"]";
        return BatchScorer.builder().config(ScoringConfig.defaults()).logSink(line -> { })
                .invoker((request, timeout) -> new ModelResponse("application/json",
                        answer.getBytes(StandardCharsets.UTF_8))).build();
    }

    private static InputStream oneRow() {
        return new ByteArrayInputStream(TestEvents.post(TestEvents.snowflakeHeaders("churn", "text/csv"),
                "{\"data\":[[0,1]]}".getBytes(StandardCharsets.UTF_8), false));
    }

    @Test
    void aMalformedEventIsA400WithItsLogLine() {
        TestEvents.Answer answer = TestEvents.answer(exchange.answer(answering(1),
                new ByteArrayInputStream("not an event".getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(5)));
        assertEquals(400, answer.status());
        assertEquals(ProxyExchange.INVALID_EVENT, answer.error());
        assertEquals(List.of("{\"event\":\"sqlscore.lambda\",\"status\":400,\"error\":\"INVALID_EVENT\"}"), lines);
    }

    @Test
    void aFailureWhileReadingTheEventIsA500NamingOnlyItsKind() {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("disk on fire");
            }
        };
        TestEvents.Answer answer = TestEvents.answer(exchange.answer(answering(1), broken, Duration.ofSeconds(5)));
        assertEquals(500, answer.status());
        assertEquals(BatchScorer.INTERNAL_ERROR, answer.error());
        assertEquals("Internal error in the scoring function while reading the Lambda event "
                + "(IllegalStateException)", answer.message());
        assertEquals(List.of("{\"event\":\"sqlscore.lambda\",\"status\":500,\"error\":\"INTERNAL_ERROR\"}"), lines);
    }

    @Test
    void anAnswerExactlyAtLambdasLimitGoesOutAndOneByteMoreIsA413() {
        int envelope = exchange.answer(answering(0), oneRow(), Duration.ofSeconds(5)).length;
        int fits = ProxyResponse.MAX_BYTES - envelope;

        byte[] atTheLimit = exchange.answer(answering(fits), oneRow(), Duration.ofSeconds(5));
        assertEquals(ProxyResponse.MAX_BYTES, atTheLimit.length);
        assertEquals(200, TestEvents.answer(atTheLimit).status());
        assertEquals(List.of(), lines);

        TestEvents.Answer over = TestEvents.answer(exchange.answer(answering(fits + 1), oneRow(),
                Duration.ofSeconds(5)));
        assertEquals(413, over.status());
        assertEquals(ProxyExchange.RESPONSE_TOO_LARGE, over.error());
        assertTrue(over.message().startsWith("The answer to this batch is " + (ProxyResponse.MAX_BYTES + 1)
                + " bytes as a Lambda response, over Lambda's limit of " + ProxyResponse.MAX_BYTES + " bytes."),
                over.message());
        assertEquals(List.of("{\"event\":\"sqlscore.lambda\",\"status\":413,\"error\":\"RESPONSE_TOO_LARGE\","
                + "\"responseBytes\":" + (ProxyResponse.MAX_BYTES + 1) + "}"), lines);
    }

    @Test
    void aLogSinkThatFailsCostsNothing() {
        ProxyExchange failingLog = new ProxyExchange(line -> {
            throw new IllegalStateException("log full");
        });
        TestEvents.Answer answer = TestEvents.answer(failingLog.answer(answering(1),
                new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(5)));
        assertEquals(400, answer.status());
    }
}
