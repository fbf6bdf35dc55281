package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.snowflake.Batches;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Encoding rows for the model: CSV, JSON and JSON Lines, through {@link EncodedRows}. */
class PayloadFormatTest {

    private static String encode(PayloadFormat format, String... rows) {
        return Batches.all(EncodedRows.encode(Batches.features(rows), format));
    }

    @Test
    void csvWritesOneLinePerRowWithExactNumbers() {
        assertEquals("1.50,-0,12345678901234567890123456789012345678\n2,1E400,0\n",
                encode(PayloadFormat.CSV, "[0,[1.50,-0,12345678901234567890123456789012345678]]", "[1,2,1E400,0]"));
    }

    @Test
    void csvWritesNullAsEmptyAndBooleansAsDigits() {
        assertEquals(",1,0,\n", encode(PayloadFormat.CSV, "[0,null,true,false,null]"));
    }

    @Test
    void csvQuotesOnlyWhenAFieldNeedsIt() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",\" lead\",\"trail \",in side,\"\"\n",
                encode(PayloadFormat.CSV,
                        "[0,\"plain\",\"a,b\",\"say \\\"hi\\\"\",\"line\\nbreak\",\"cr\\rx\",\" lead\",\"trail \","
                                + "\"in side\",\"\"]"));
    }

    @Test
    void csvDoublesEveryQuoteWhereverItStands() {
        assertEquals("\"\"\"lead\",\"end\"\"\",\"\"\"\"\"\"\"\",\"a\"\"b\"\"c\"\n",
                encode(PayloadFormat.CSV, "[0,\"\\\"lead\",\"end\\\"\",\"\\\"\\\"\\\"\",\"a\\\"b\\\"c\"]"));
    }

    @Test
    void csvWritesNestedValuesAsQuotedJson() {
        assertEquals("\"{\"\"k\"\":[1,\"\"v\"\"]}\",\"[1,2]\",\"[]\"\n",
                encode(PayloadFormat.CSV, "[0,{\"k\":[1,\"v\"]},[1,2],[]]"));
    }

    @Test
    void csvWritesUnicodeAsUtf8() {
        String text = "caf\u00e9 \u4e16\u754c \ud83d\ude00";
        byte[] body = EncodedRows.encode(Batches.features("[0,\"" + text + "\",1]"), PayloadFormat.CSV)
                .body(new RowRange(0, 1));
        assertArrayEquals((text + ",1\n").getBytes(StandardCharsets.UTF_8), body);
    }

    @Test
    void jsonWrapsRowsInInstancesWithValuesAsTheyCame() {
        assertEquals("{\"instances\":[[1.50,-0,null,true,\"a\\\"b\\n\",{\"k\":[1E400,{}]}],[2]]}",
                encode(PayloadFormat.JSON, "[0,[1.50,-0,null,true,\"a\\\"b\\n\",{\"k\":[1E400,{}]}]]", "[1,2]"));
    }

    @Test
    void jsonLinesWritesOneArrayPerLine() {
        assertEquals("[1,\"x,y\"]\n[null,false]\n",
                encode(PayloadFormat.JSON_LINES, "[0,1,\"x,y\"]", "[1,[null,false]]"));
    }

    @Test
    void aRangeIsCutFromTheRowsEncodedOnce() {
        EncodedRows rows = EncodedRows.encode(Batches.features("[0,1]", "[1,22]", "[2,333]", "[3,4444]"),
                PayloadFormat.JSON);
        assertEquals(4, rows.count());
        for (int i = 0; i < 4; i++) {
            assertEquals(3 + i, rows.rowSize(i), "[" + "1".repeat(i + 1) + "]");
        }
        assertEquals("{\"instances\":[[22],[333]]}", Batches.body(rows, new RowRange(1, 3)));
        assertEquals("{\"instances\":[[4444]]}", Batches.body(rows, new RowRange(3, 4)));
    }

    @Test
    void theContentTypeChoosesTheFormatIgnoringCaseAndParameters() {
        assertEquals(Optional.of(PayloadFormat.CSV), PayloadFormat.forContentType("TEXT/CSV; charset=UTF-8"));
        assertEquals(Optional.of(PayloadFormat.JSON), PayloadFormat.forContentType(" application/json "));
        assertEquals(Optional.of(PayloadFormat.JSON_LINES), PayloadFormat.forContentType("application/jsonlines"));
        assertTrue(PayloadFormat.forContentType("application/x-npy").isEmpty());
        assertTrue(PayloadFormat.forContentType(null).isEmpty());
    }
}
