package dev.sqlscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.async.S3Location;
import dev.sqlscore.model.AsyncModelInvoker;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The asynchronous path's boundaries, with the store in memory: the handler reads answers only below the function's
 * own output and failure paths (a security boundary: its IAM policy allows nothing else), and a failure document's
 * status decides whether Snowflake may retry.
 */
class AsyncBoundaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "s3://out/summaries";
    private static final String FAILURE = "s3://out/failures";

    private final MemoryStore store = new MemoryStore();

    private BatchScorer scorer(S3Location output, S3Location failure) {
        AsyncModelInvoker invoker = (request, timeout) -> new AsyncModelInvoker.Queued(output, failure);
        ScoringConfig config = ScoringConfig.builder().allowedEndpoints(Set.of("summarizer"))
                .asyncStatePath(S3Location.parse("s3://state/batches/")).build();
        return BatchScorer.builder().config(config).invoker((request, timeout) -> {
            throw new AssertionError("no real-time call");
        }).async(store, invoker).logSink(line -> { }).build();
    }

    private static ScoringRequest request(String method) {
        Map<String, String> headers = new HashMap<>();
        headers.put("sf-custom-sagemaker-endpoint-name", "summarizer");
        headers.put("sf-custom-sagemaker-mode", "async");
        headers.put("sf-custom-sagemaker-output-path", OUTPUT);
        headers.put("sf-custom-sagemaker-failure-path", FAILURE);
        headers.put("sf-external-function-format", "json");
        headers.put("sf-external-function-format-version", "1.0");
        headers.put("sf-external-function-query-batch-id", "01b2-query:1:1:0:0");
        byte[] body = method.equals("POST") ? "{\"data\":[[0,\"a long document\"]]}".getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return new ScoringRequest(method, HttpHeaders.ofSingle(headers), body, null);
    }

    private static JsonNode json(ScoringResponse response) throws Exception {
        return JSON.readTree(response.bodyAsString());
    }

    @Test
    void anOutputLocationOutsideTheFunctionsOutputPathIsRefused() throws Exception {
        for (String outside : new String[] {"s3://elsewhere/summaries/x.out", "s3://out/summaries-evil/x.out",
                "s3://out/x.out"}) {
            ScoringResponse response = scorer(S3Location.parse(outside), S3Location.parse(FAILURE + "/x.err"))
                    .score(request("POST"));
            assertEquals(400, response.statusCode(), outside + ": " + response.bodyAsString());
            assertEquals("INVALID_HEADER", json(response).get("error").asText());
            assertTrue(json(response).get("message").asText().contains("outside the function's "
                    + "sagemaker-output-path " + OUTPUT), response.bodyAsString());
        }
    }

    @Test
    void aFailureLocationOutsideTheFunctionsFailurePathIsRefused() throws Exception {
        ScoringResponse response = scorer(S3Location.parse(OUTPUT + "/x.out"), S3Location.parse("s3://out/x.err"))
                .score(request("POST"));
        assertEquals(400, response.statusCode(), response.bodyAsString());
        assertTrue(json(response).get("message").asText().contains("outside the function's "
                + "sagemaker-failure-path " + FAILURE), response.bodyAsString());
    }

    @Test
    void locationsBelowThePathsAreAccepted() {
        ScoringResponse response = scorer(S3Location.parse(OUTPUT + "/a/x.out"),
                S3Location.parse(FAILURE + "/a/x.err")).score(request("POST"));
        assertEquals(202, response.statusCode(), response.bodyAsString());
    }

    /**
     * A failure document with a 5xx is the model's trouble: 503, which Snowflake retries; a 4xx or none: 400. The
     * message quotes the status the document gives, never the document.
     */
    @Test
    void aFailureDocumentsStatusDecidesWhetherSnowflakeRetries() throws Exception {
        record Case(String document, int status, String quoted) { }
        for (Case expected : List.of(new Case("{\"statusCode\": 503}", 503, "(HTTP 503)"),
                new Case("{\"OriginalStatusCode\": 500}", 503, "(HTTP 500)"),
                new Case("{\"status\": 499}", 400, "(HTTP 499)"),
                new Case("{\"statusCode\": 0}", 400, "(HTTP status not given)"),
                new Case("not json at all", 400, "(HTTP status not given)"))) {
            store.objects.clear();
            var scorer = scorer(S3Location.parse(OUTPUT + "/x.out"), S3Location.parse(FAILURE + "/x.err"));
            assertEquals(202, scorer.score(request("POST")).statusCode());
            store.put(S3Location.parse(FAILURE + "/x.err"), expected.document().getBytes(StandardCharsets.UTF_8),
                    "application/json", Duration.ofSeconds(1));

            ScoringResponse poll = scorer.score(request("GET"));

            assertEquals(expected.status(), poll.statusCode(), expected.document() + ": " + poll.bodyAsString());
            assertEquals(expected.status() == 503 ? "MODEL_UNAVAILABLE" : "MODEL_REJECTED_INPUT",
                    json(poll).get("error").asText());
            String message = json(poll).get("message").asText();
            assertTrue(message.contains("failed request 1 of 1 of this batch after it was queued " + expected.quoted()
                    + "; its error document is " + FAILURE + "/x.err"), message);
            assertFalse(message.contains("not json"), message);
        }
    }
}
