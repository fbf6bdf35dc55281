package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.InvalidBatchException;
import dev.sqlscore.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchParserTest {

    private static final String CANARY = "CANARY-b41c";

    private static List<Row> parse(String json) {
        return BatchParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String features(Row row) {
        return new JsonValue.ArrayValue(row.features()).toJson();
    }

    private static String rejected(String json) {
        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> parse(json));
        assertEquals(400, e.httpStatus());
        assertEquals("INVALID_BATCH", e.errorCode());
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        return e.getMessage();
    }

    @Test
    void severalScalarArgumentsAreTheFeatures() {
        List<Row> rows = parse("{\"data\":[[0,1,\"a,b\",true,null],[1,2,\"\",false,null]]}");
        assertEquals(2, rows.size());
        assertEquals(0, rows.get(0).rowNumber());
        assertEquals("[1,\"a,b\",true,null]", features(rows.get(0)));
        assertEquals("[2,\"\",false,null]", features(rows.get(1)));
    }

    @Test
    void aSingleArrayArgumentIsUnpacked() {
        List<Row> rows = parse("{\"data\":[[0,[-0.32,0.29,{\"a\":[1,2]},[3]]]]}");
        assertEquals("[-0.32,0.29,{\"a\":[1,2]},[3]]", features(rows.get(0)));
    }

    @Test
    void aSingleStringHoldingAnArrayIsUnpackedToo() {
        List<Row> rows = parse("{\"data\":[[0,\" [1, 2.50, \\\"x\\\"]\"],[1,\"[not json\"],[2,\"[1] [2]\"],"
                + "[3,\"plain\"]]}");
        assertEquals("[1,2.50,\"x\"]", features(rows.get(0)));
        assertEquals("[\"[not json\"]", features(rows.get(1)), "a string that is not one array stays a value");
        assertEquals("[\"[1] [2]\"]", features(rows.get(2)));
        assertEquals("[\"plain\"]", features(rows.get(3)));
    }

    @Test
    void anArrayAmongSeveralArgumentsStaysANestedValue() {
        List<Row> rows = parse("{\"data\":[[0,[1,2],3]]}");
        assertEquals("[[1,2],3]", features(rows.get(0)));
    }

    @Test
    void aRowWithoutArgumentsHasNoFeatures() {
        assertEquals(List.of(), parse("{\"data\":[[4]]}").get(0).features());
    }

    @Test
    void numbersKeepTheirExactText() {
        List<Row> rows = parse("{\"data\":[[0,12345678901234567890123456789012345678,-0,1E400,1.50,-1e-7,0.1]]}");
        assertEquals("[12345678901234567890123456789012345678,-0,1E400,1.50,-1e-7,0.1]", features(rows.get(0)));
    }

    @Test
    void unicodeAndEscapesSurviveTheRoundTrip() {
        List<Row> rows = parse("{\"data\":[[0,\"h\u00e9llo \u4e16\u754c \ud83d\ude00\",\"tab\\tquote\\\"\\u0001\"]]}");
        JsonValue.StringValue text = (JsonValue.StringValue) rows.get(0).features().get(0);
        assertEquals("h\u00e9llo \u4e16\u754c \ud83d\ude00", text.value());
        assertEquals("tab\tquote\"\u0001", ((JsonValue.StringValue) rows.get(0).features().get(1)).value());
    }

    @Test
    void rowsKeepTheOrderReceivedWhateverTheirNumbers() {
        List<Row> rows = parse("{\"data\":[[2,\"c\"],[0,\"a\"],[1,\"b\"]]}");
        assertEquals(List.of(2L, 0L, 1L), rows.stream().map(Row::rowNumber).toList());
    }

    @Test
    void anEmptyBatchHasNoRows() {
        assertEquals(List.of(), parse("{\"data\":[]}"));
        assertEquals(List.of(), parse(" \n{ \"data\" : [ ] }\n"));
    }

    @Test
    void unknownTopLevelKeysAreIgnored() {
        assertEquals(1, parse("{\"version\":{\"x\":[1]},\"data\":[[0,1]],\"extra\":2}").size());
    }

    @Test
    void parsesTenThousandWideRows() {
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 10_000; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(i)
                    .append(",[-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0]]");
        }
        List<Row> rows = parse(json.append("]}").toString());
        assertEquals(10_000, rows.size());
        assertEquals(9_999, rows.get(9_999).rowNumber());
        assertEquals(13, rows.get(9_999).features().size());
    }

    @Test
    void rejectsBodiesThatAreNotABatch() {
        assertTrue(rejected("").contains("empty"));
        assertTrue(rejected("[[0,1]]").contains("must be a JSON object"));
        assertTrue(rejected("{\"rows\":[]}").contains("no \"data\" key"));
        String notArray = rejected("{\"data\":{}}");
        assertTrue(notArray.contains("\"data\" must be an array of rows") && notArray.endsWith("got an object"),
                notArray);
        assertTrue(rejected("{\"data\":[],\"data\":[]}").contains("twice"));
        assertTrue(rejected("{\"data\":[]} {}").contains("content after"));
    }

    @Test
    void malformedJsonIsLocatedWithoutQuotingIt() {
        String message = rejected("{\"data\":[[0,\"" + CANARY + "\"],[1,\"" + CANARY + "\" x]]}");
        assertTrue(message.contains("not valid JSON at line 1, column"), message);
        assertTrue(message.contains("row at index 1"), message);
        String truncated = rejected("{\"data\":[[0,1],[1,\"" + CANARY);
        assertTrue(truncated.contains("ends before its JSON is complete"), truncated);
        assertTrue(truncated.contains("row at index 1"), truncated);
    }

    @Test
    void rejectsRowsOfTheWrongShapeByIndex() {
        assertTrue(rejected("{\"data\":[[0,1],\"" + CANARY + "\"]}")
                .contains("Row at index 1 must be a JSON array [row_number, arg1, ...], got a string"));
        assertTrue(rejected("{\"data\":[[0,1],[1,2],[]]}").contains("Row at index 2 is empty"));
        assertTrue(rejected("{\"data\":[[\"" + CANARY + "\",1]]}").contains("Row at index 0 starts with a string"));
        assertTrue(rejected("{\"data\":[[0,1],[-1,1]]}").contains("Row at index 1 has a negative row number"));
        assertTrue(rejected("{\"data\":[[1.5,1]]}").contains("Row at index 0 starts with a number with a fraction"));
        assertTrue(rejected("{\"data\":[[null,1]]}").contains("Row at index 0 starts with null"));
        assertTrue(rejected("{\"data\":[[99999999999999999999999,1]]}").contains("too large"));
        String message = rejected("{\"data\":[[0,1],[1,\"" + CANARY + "\"],[3,1],[1,1]]}");
        assertTrue(message.contains("Row at index 3 repeats row number 1 of the row at index 1"), message);
    }
}
