package dev.sqlscore.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.SnowflakeAnswer;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Lambda invocation from event to proxy response, around a {@link BatchScorer}. Never throws: a malformed
 * event gets a 400 and an answer too large for Lambda a 413, each with a message for the SQL user and a log line
 * ({@code {"event":"sqlscore.lambda","status":...,"error":...}}) next to the scorer's own.
 */
final class ProxyExchange {

    static final String INVALID_EVENT = "INVALID_EVENT";
    static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();
    private final Consumer<String> logSink;

    ProxyExchange(Consumer<String> logSink) {
        this.logSink = Objects.requireNonNull(logSink, "logSink");
    }

    byte[] answer(BatchScorer scorer, InputStream event, Duration timeRemaining) {
        ScoringRequest request;
        try {
            request = ProxyEvent.read(json, event, timeRemaining);
        } catch (MalformedEventException e) {
            log(400, INVALID_EVENT, -1);
            return ProxyResponse.write(factory, 400, SnowflakeAnswer.error(INVALID_EVENT, e.getMessage()));
        } catch (RuntimeException e) {
            // A bug: Lambda would turn an exception into an opaque 502.
            log(500, BatchScorer.INTERNAL_ERROR, -1);
            return ProxyResponse.write(factory, 500, SnowflakeAnswer.error(BatchScorer.INTERNAL_ERROR,
                    "Internal error in the scoring function while reading the Lambda event ("
                            + e.getClass().getSimpleName() + ")"));
        }
        ScoringResponse response = scorer.score(request); // never throws
        byte[] proxyResponse = ProxyResponse.write(factory, response.statusCode(), response.body());
        if (proxyResponse.length <= ProxyResponse.MAX_BYTES) {
            return proxyResponse;
        }
        log(413, RESPONSE_TOO_LARGE, proxyResponse.length);
        return ProxyResponse.write(factory, 413, SnowflakeAnswer.error(RESPONSE_TOO_LARGE, "The answer to this batch "
                + "is " + proxyResponse.length + " bytes as a Lambda response, over Lambda's limit of "
                + ProxyResponse.MAX_BYTES + " bytes. Lower MAX_BATCH_ROWS on the external function (ALTER FUNCTION "
                + "... SET MAX_BATCH_ROWS = ...) so that Snowflake sends smaller batches"));
    }

    private void log(int status, String error, long responseBytes) {
        StringBuilder line = new StringBuilder(96).append("{\"event\":\"sqlscore.lambda\",\"status\":").append(status)
                .append(",\"error\":\"").append(error).append('"');
        if (responseBytes >= 0) {
            line.append(",\"responseBytes\":").append(responseBytes);
        }
        try {
            logSink.accept(line.append('}').toString());
        } catch (RuntimeException e) {
            // A broken log sink must not cost Snowflake its answer.
        }
    }
}
