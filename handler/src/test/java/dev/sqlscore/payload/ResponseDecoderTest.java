package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.InvalidModelResponseException;
import dev.sqlscore.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseDecoderTest {

    private static final String CANARY = "CANARY-99e0";

    /** The decoded values as one JSON array, for compact comparison. */
    private static String decode(String contentType, String body, int rows) {
        List<JsonValue> values = ResponseDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8), rows);
        return new JsonValue.ArrayValue(values).toJson();
    }

    private static String rejected(String contentType, String body, int rows) {
        InvalidModelResponseException e = assertThrows(InvalidModelResponseException.class,
                () -> ResponseDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8), rows));
        assertEquals(400, e.httpStatus());
        assertEquals("MODEL_RESPONSE_INVALID", e.errorCode());
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEachKnownKeyOfAJsonObject() {
        for (String key : ResponseDecoder.ANSWER_KEYS) {
            assertEquals("[0.5,[1,2],{\"score\":0.66,\"predicted_label\":1}]", decode("application/json",
                    "{\"" + key + "\":[0.5,[1,2],{\"score\":0.66,\"predicted_label\":1}]}", 3), key);
        }
    }

    @Test
    void keysAreTriedInTheirDocumentedOrder() {
        assertEquals("[1]", decode("application/json", "{\"outputs\":[9],\"model\":\"x\",\"predictions\":[1]}", 1));
    }

    @Test
    void aBareArrayHasOneValuePerItemWithExactNumbers() {
        assertEquals("[12345678901234567890123456789012345678,-0,1E400,null,\"x\"]",
                decode("application/json; charset=utf-8",
                        "[12345678901234567890123456789012345678,-0,1E400,null,\"x\"]\r\n", 5));
    }

    @Test
    void jsonLinesHaveOneValuePerLine() {
        assertEquals("[{\"a\":1},[1,2],3,null]",
                decode("application/jsonlines", "{\"a\":1}\n[1,2]\r\n3\nnull\n", 4));
        assertEquals("[[1],[2]]", decode("application/json", "[1]\n[2]\n", 2),
                "several values under a JSON content type are JSON Lines");
    }

    @Test
    void csvHasOneRecordPerRow() {
        assertEquals("[0.25,[1,0.75],[\"cat\",0.9]]", decode("text/csv", "0.25\n1,0.75\ncat,0.9\n", 3));
        assertEquals("[1,2]", decode("text/csv; charset=utf-8", "1\r\n2\r\n", 2));
        assertEquals("[1,2]", decode("TEXT/CSV", "1\n2", 2));
    }

    @Test
    void csvFieldsFollowRfc4180() {
        assertEquals("[[\"a,b\",\"say \\\"hi\\\"\",\"two\\nlines\"],[null,\"\",\"0.5\"]]",
                decode("text/csv", "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n,\"\",\"0.5\"\n", 2));
    }

    @Test
    void csvNumbersStayExactAndOtherTextIsAString() {
        assertEquals("[[12345678901234567890123456789012345678,-1.5e-3,\"NaN\",\"1.\",\"0x1F\",7,\" x \"]]",
                decode("text/csv", "12345678901234567890123456789012345678,-1.5e-3,NaN,1.,0x1F, 7 , x \n", 1));
    }

    @Test
    void withoutAUsefulContentTypeTheBodyIsSniffed() {
        assertEquals("[1,2]", decode(null, "{\"predictions\":[1,2]}", 2));
        assertEquals("[1,2]", decode("application/octet-stream", " [1,2]", 2));
        assertEquals("[[1],[2]]", decode(null, "[1]\n[2]\n", 2));
        assertEquals("[0.1,0.2]", decode("binary/octet-stream", "0.1\n0.2\n", 2));
    }

    @Test
    void aCountMismatchNamesBothCountsAndWhatToCheck() {
        String message = rejected("text/csv", "0.1\n0.2\n", 3);
        assertTrue(message.contains("Expected 3 rows, model returned 2"), message);
        assertTrue(message.contains("sagemaker-accept"), message);
        assertTrue(message.contains("text/csv"), message);
        String oneArray = rejected("application/json", "[0.1,0.9]", 1);
        assertTrue(oneArray.contains("Expected 1 rows, model returned 2"), oneArray);
    }

    @Test
    void anObjectWithoutAnswersQuotesNeitherItsKeysNorItsValues() {
        String message = rejected("application/json", "{\"label\":\"" + CANARY + "\",\"predictions\":\"" + CANARY
                + "\",\"" + CANARY + "\":1}", 1);
        assertTrue(message.contains("a JSON object with 3 keys but none of [predictions"), message);
        assertFalse(message.contains(CANARY), message);
        assertTrue(message.contains("application/json"), message);
    }

    @Test
    void undecodableBodiesNameTheContentType() {
        assertTrue(rejected("application/json", "{\"predictions\":[\"" + CANARY + "\"", 1)
                .contains("content type application/json"));
        assertTrue(rejected("application/jsonlines", "[1]\n[" + CANARY + "]\n", 2).contains("not valid JSON Lines"));
        assertTrue(rejected("application/json", "", 1).contains("empty"));
        assertTrue(rejected("application/json", "\"" + CANARY + "\"", 1).contains("single JSON scalar"));
        assertTrue(rejected(null, "", 1).contains("no content type"));
        String cutShort = rejected(null, "{\"predictions\":[0.1,", 2);
        assertTrue(cutShort.contains("not valid JSON"), "a body that starts as JSON is read as JSON: " + cutShort);
    }
}
