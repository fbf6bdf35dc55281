package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The proxy response API Gateway reads back: the answer's status, its JSON media type, the body as text. */
class ProxyResponseTest {

    @Test
    void writesTheFourFieldsApiGatewayReads() throws Exception {
        byte[] body = "{\"data\":[[0,\"say \\\"é\\\"\"]]}".getBytes(StandardCharsets.UTF_8);
        byte[] written = ProxyResponse.write(new JsonFactory(), 200, body);
        assertEquals("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"data\\\":[[0,\\\"say \\\\\\\"é\\\\\\\"\\\"]]}\",\"isBase64Encoded\":false}",
                new String(written, StandardCharsets.UTF_8));
        JsonNode response = new ObjectMapper().readTree(written);
        assertEquals(new String(body, StandardCharsets.UTF_8), response.get("body").asText());
        assertFalse(response.get("isBase64Encoded").asBoolean(true));
    }
}
