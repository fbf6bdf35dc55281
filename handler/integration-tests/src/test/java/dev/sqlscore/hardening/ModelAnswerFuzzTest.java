package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Fuzzes what a model answers: the first line of an input is the answer's content type (empty for none), the rest
 * its body, given to a three-row batch. Whatever the model says, the batch gets 200 with its three rows in order,
 * or 400 {@code MODEL_RESPONSE_INVALID} with a JSON error body that quotes nothing of the answer; never a 500.
 * Seeds in {@code ModelAnswerFuzzTestInputs}: the answer shapes SageMaker containers give.
 */
class ModelAnswerFuzzTest {

    private static final String CANARY = "CANARY-m0d3l";
    private static final byte[] BATCH = ("{\"data\":[[5,[1,\"" + CANARY + "\"]],[3,[2,\"b\"]],[9,[3,\"c\"]]]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final HttpHeaders HEADERS = HttpHeaders.ofSingle(Map.of(
            "sf-custom-sagemaker-endpoint-name", "churn-model", "sf-custom-sagemaker-accept", "application/json"));

    @FuzzTest
    void anyModelAnswer(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String contentType = newline <= 0 ? null : new String(input, 0, newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        BatchScorer scorer = BatchScorer.builder().config(ScoringConfig.defaults())
                .invoker((request, timeout) -> new ModelResponse(contentType, body))
                .logSink(line -> assertFalse(line.contains(CANARY), line)).build();

        ScoringResponse response = scorer.score(new ScoringRequest("POST", HEADERS, BATCH, null));

        if (response.statusCode() == 200) {
            SnowflakeAnswers.assertAnsweredOrRejected(200, response.body(), BATCH);
        } else {
            assertEquals(400, response.statusCode(), response.bodyAsString());
            assertEquals("MODEL_RESPONSE_INVALID", SnowflakeAnswers.assertErrorBody(response.body()).path("error")
                    .asText());
            assertFalse(response.bodyAsString().contains(CANARY) && !new String(input, StandardCharsets.UTF_8)
                    .contains(CANARY), "quotes the batch: " + response.bodyAsString());
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
