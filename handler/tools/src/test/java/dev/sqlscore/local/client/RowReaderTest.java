package dev.sqlscore.local.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    private static String json(JsonNode node) throws Exception {
        return LocalJson.MAPPER.writeValueAsString(node);
    }

    @Test
    void csvLineBecomesOneArrayWithNumbersKeptAsWritten() throws Exception {
        List<JsonNode> rows = RowReader.read("-0.32,0.29,-1.041,0,1e5,12345678901234567890.123\n",
                RowReader.Format.CSV, false);
        assertEquals(1, rows.size());
        assertEquals("[-0.32,0.29,-1.041,0,1e5,12345678901234567890.123]", json(rows.get(0)));
    }

    @Test
    void emptyIsNullQuotedIsStringAndNonNumbersAreStrings() throws Exception {
        List<JsonNode> rows = RowReader.read("a,,\"\",\"12\",007,.5,\"x, \"\"y\"\"\"\r\nnext\r\n",
                RowReader.Format.CSV, false);
        assertEquals("[\"a\",null,\"\",\"12\",\"007\",\".5\",\"x, \\\"y\\\"\"]", json(rows.get(0)));
        assertEquals("[\"next\"]", json(rows.get(1)));
    }

    @Test
    void quotedFieldMaySpanLinesAndBlankLinesAreSkipped() throws Exception {
        List<JsonNode> rows = RowReader.read("\n\"two\nlines\",1\n\n3\n", RowReader.Format.CSV, false);
        assertEquals(2, rows.size());
        assertEquals("[\"two\\nlines\",1]", json(rows.get(0)));
        assertEquals("[3]", json(rows.get(1)));
    }

    /** Excel saves CSV with a UTF-8 byte-order mark: it is not part of the first field, nor of a JSON line. */
    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        assertEquals("[-0.32,0.29]", json(RowReader.read("\uFEFF-0.32,0.29\n", RowReader.Format.CSV, false).get(0)));
        assertEquals(List.of("[1,2]"), List.of(json(RowReader.read("\uFEFFa,b\n1,2\n", RowReader.Format.CSV, true)
                .get(0))));
        assertEquals("[1,\"x\"]", json(RowReader.read("\uFEFF[1,\"x\"]\n", RowReader.Format.JSONL, false)
                .get(0)));
        assertEquals("[\"\uFEFF\"]", json(RowReader.read("\"\uFEFF\"\n", RowReader.Format.CSV, false).get(0)),
                "only a leading mark is dropped");
    }

    @Test
    void headerIsSkippedWhenAsked() throws Exception {
        List<JsonNode> rows = RowReader.read("a,b\n1,2\n", RowReader.Format.CSV, true);
        assertEquals(List.of("[1,2]"), List.of(json(rows.get(0))));
    }

    @Test
    void brokenCsvNamesTheLine() {
        InputFormatException unclosed = assertThrows(InputFormatException.class,
                () -> RowReader.read("1,2\n3,\"open\n", RowReader.Format.CSV, false));
        assertTrue(unclosed.getMessage().startsWith("line 2: "), unclosed.getMessage());
        InputFormatException stray = assertThrows(InputFormatException.class,
                () -> RowReader.read("1,2\n3,4\n5,a\"b\n", RowReader.Format.CSV, false));
        assertTrue(stray.getMessage().startsWith("line 3: "), stray.getMessage());
        InputFormatException after = assertThrows(InputFormatException.class,
                () -> RowReader.read("\"a\"b\n", RowReader.Format.CSV, false));
        assertTrue(after.getMessage().contains("after a closing quote"), after.getMessage());
    }

    @Test
    void jsonLinesKeepValuesAndNumberText() throws Exception {
        List<JsonNode> rows = RowReader.read("[1.50, \"a\", null, {\"k\": true}]\n\n[2]\n", RowReader.Format.JSONL,
                false);
        assertEquals(2, rows.size());
        assertEquals("[1.50,\"a\",null,{\"k\":true}]", json(rows.get(0)));
    }

    @Test
    void brokenJsonLineIsNamedInPlainWords() {
        assertJsonProblem("[1]\n[2] [3]\n", "line 2: more than one JSON value on the line");
        assertJsonProblem("[1]\n\n[2, 3\n", "line 3: the JSON value is not complete");
        assertJsonProblem("{broken\n", "line 1: not a JSON value (Unexpected character");
    }

    private static void assertJsonProblem(String text, String start) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> RowReader.read(text, RowReader.Format.JSONL, false));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("Source") && !e.getMessage().contains("bound as")
                && !e.getMessage().contains("FAIL_ON"), e.getMessage());
    }

    @Test
    void formatIsDetectedByNameThenContent() {
        assertEquals(RowReader.Format.CSV, RowReader.Format.detect("rows.CSV", "[1]"));
        assertEquals(RowReader.Format.JSONL, RowReader.Format.detect("rows.jsonl", "1,2"));
        assertEquals(RowReader.Format.JSONL, RowReader.Format.detect(null, "  [1,2]"));
        assertEquals(RowReader.Format.CSV, RowReader.Format.detect("rows.txt", "1,2"));
    }
}
