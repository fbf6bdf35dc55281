package dev.sqlscore.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sqlscore.async.S3Location;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.scoring.ScoringResponse;
import dev.sqlscore.snowflake.BatchParser;
import dev.sqlscore.snowflake.FunctionSettings;
import dev.sqlscore.snowflake.HttpHeaders;
import dev.sqlscore.snowflake.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the handler's values say of themselves ends up in logs and exception messages, so it is by shape and size:
 * never a row's values, a request or answer body, a header's value or a function's custom attributes.
 */
class DescriptionsCarryNoRowDataTest {

    private static final String SECRET = "s3cr3t-row-value";
    private static final byte[] BODY = ("0," + SECRET + "\n").getBytes(StandardCharsets.UTF_8);

    private static void describes(String expected, Object value) {
        String description = value.toString();
        assertEquals(expected, description);
        assertFalse(description.contains(SECRET), description);
    }

    @Test
    void valuesAreDescribedByTheirLengths() {
        describes("StringValue[16 chars]", new JsonValue.StringValue(SECRET));
        describes("NumberValue[13 chars]", new JsonValue.NumberValue("987654321.125"));
        describes("Member[value=StringValue[16 chars]]", new JsonValue.Member("k", new JsonValue.StringValue(SECRET)));
        describes("Row[rowNumber=7, features=2]", new Row(7, List.of(new JsonValue.StringValue(SECRET),
                new JsonValue.NumberValue("1"))));
    }

    @Test
    void batchesAreDescribedByTheirCounts() {
        byte[] batch = ("{\"data\":[[0,\"" + SECRET + "\",2],[1,null],[2,1.5,3]]}").getBytes(StandardCharsets.UTF_8);
        // 18 bytes for the first row with input, 5 for the second, no separators
        describes("ParsedBatch[rows=3, noInput=1, EncodedRows[format=CSV, rows=2, bytes=23]]",
                BatchParser.parse(batch, PayloadFormat.CSV));
    }

    @Test
    void requestsAndAnswersAreDescribedWithoutBodiesOrHeaderValues() {
        HttpHeaders headers = HttpHeaders.ofSingle(Map.of("Content-Type", "application/json", "sf-custom-token",
                SECRET));
        describes("HttpHeaders[content-type, sf-custom-token]", headers);
        describes("ScoringRequest[method=POST, headers=HttpHeaders[content-type, sf-custom-token], bodyBytes=19]",
                new ScoringRequest("POST", headers, BODY, Duration.ofSeconds(30)));
        describes("ScoringResponse[statusCode=200, bodyBytes=19]", new ScoringResponse(200, BODY));
        describes("ModelRequest[endpointName=churn, contentType=text/csv, accept=application/json, bodyBytes=19]",
                new ModelRequest("churn", "text/csv", "application/json", "model-a.tar.gz", "blue", null, SECRET,
                        BODY));
        describes("ModelResponse[contentType=text/csv, bodyBytes=19]", new ModelResponse("text/csv", BODY));
    }

    @Test
    void settingsAreDescribedWithoutCustomAttributes() {
        Map<String, String> sync = Map.of("sf-custom-sagemaker-endpoint-name", "churn",
                "sf-custom-sagemaker-custom-attributes", SECRET);
        describes("FunctionSettings[endpointName=churn, contentType=text/csv, accept=text/csv]",
                FunctionSettings.fromHeaders(HttpHeaders.ofSingle(sync), Optional.empty()));
        Map<String, String> async = Map.of("sf-custom-sagemaker-endpoint-name", "churn",
                "sf-custom-sagemaker-mode", "async", "sf-custom-sagemaker-output-path", "s3://models-out/churn");
        describes("FunctionSettings[endpointName=churn, contentType=text/csv, accept=text/csv, async]",
                FunctionSettings.fromHeaders(HttpHeaders.ofSingle(async), Optional.empty()));
        describes("s3://models-out/churn/batch-1.out",
                S3Location.parse("s3://models-out/churn").resolve("batch-1.out"));
    }

    @Test
    void configurationIsDescribedInFull() {
        describes("ScoringConfig[allowedEndpoints=any, defaultEndpoint=null, maxRequestBytes=4000000, "
                + "maxRowsPerRequest=0, maxConcurrentRequests=8, deadline=25000ms]", ScoringConfig.defaults());
        describes("ScoringConfig[allowedEndpoints=[churn], defaultEndpoint=churn, maxRequestBytes=4000000, "
                + "maxRowsPerRequest=500, maxConcurrentRequests=8, deadline=25000ms]",
                ScoringConfig.builder().allowedEndpoints(Set.of("churn")).defaultEndpoint("churn")
                        .maxRowsPerRequest(500).build());
    }
}
