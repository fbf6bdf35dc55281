package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** What every answer to Snowflake must look like, checked independently of the handler's own code. */
final class SnowflakeAnswers {

    /** Statuses the handler returns on purpose for bad input, whatever the model does. */
    static final Set<Integer> DELIBERATE_CLIENT_ERRORS = Set.of(400, 403, 405, 413);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnowflakeAnswers() {
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * A 200 answering every row of {@code request} once and in order, or a deliberate 4xx with a JSON error body.
     *
     * @param requestBody the body as the handler received it (gzip is undone here, independently)
     */
    static void assertAnsweredOrRejected(int status, byte[] body, byte[] requestBody) {
        if (status == 200) {
            List<Long> expected = rowNumbers(requestBody);
            assertEquals(expected, answeredRowNumbers(body), "every row answered once, in the order received");
        } else {
            assertTrue(DELIBERATE_CLIENT_ERRORS.contains(status), "status " + status + ": "
                    + new String(body, StandardCharsets.UTF_8));
            assertErrorBody(body);
        }
    }

    /** {@code {"error": code, "message": text}} and nothing else. */
    static JsonNode assertErrorBody(byte[] body) {
        JsonNode error = json(body);
        assertEquals(2, error.size(), error.toString());
        assertTrue(error.path("error").isTextual(), error.toString());
        assertFalse(error.path("error").asText().isBlank(), error.toString());
        assertTrue(error.path("message").isTextual(), error.toString());
        assertFalse(error.path("message").asText().isBlank(), error.toString());
        return error;
    }

    /** The row numbers of a {@code {"data": [[n, value], ...]}} answer, checking each row has exactly two items. */
    static List<Long> answeredRowNumbers(byte[] body) {
        JsonNode answer = json(body);
        assertEquals(1, answer.size(), "an answer holds only data");
        JsonNode data = answer.path("data");
        assertTrue(data.isArray(), "data is an array");
        List<Long> numbers = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            assertEquals(2, row.size(), "[row_number, value]: " + row);
            assertTrue(row.get(0).canConvertToLong(), row.toString());
            numbers.add(row.get(0).asLong());
        }
        return numbers;
    }

    /** The row numbers of a Snowflake batch, in the order sent. */
    static List<Long> rowNumbers(byte[] requestBody) {
        JsonNode data = json(gunzipIfGzip(requestBody)).path("data");
        List<Long> numbers = new ArrayList<>(data.size());
        data.forEach(row -> numbers.add(row.get(0).asLong()));
        return numbers;
    }

    static byte[] gunzipIfGzip(byte[] body) {
        if (body.length < 2 || (body[0] & 0xFF) != 0x1f || (body[1] & 0xFF) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return fail("a 200 for a body that is not valid gzip", e);
        }
    }
}
