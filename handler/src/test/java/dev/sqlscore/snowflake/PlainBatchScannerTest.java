package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlscore.errors.ProtocolException;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.payload.RowRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The byte-level scanner is the fast path for the batches Snowflake sends: it must take every batch of that shape
 * (whitespace wherever JSON allows it, numbers up to Jackson's length limit, rows without input), and give up, never
 * throw and never answer, on anything else. Whether it gave up is what these tests look at; what the batch means
 * either way is {@link EncodingParserTest}'s.
 */
class PlainBatchScannerTest {

    private static final PayloadFormat FORMAT = PayloadFormat.JSON;

    private static ParsedBatch scan(String json) {
        return PlainBatchScanner.scan(json.getBytes(StandardCharsets.UTF_8), FORMAT);
    }

    private static String body(ParsedBatch batch) {
        RowRange all = new RowRange(0, batch.encoded().count());
        return all.count() == 0 ? "" : new String(batch.encoded().body(all), StandardCharsets.UTF_8);
    }

    /** The tokens of a batch with every kind of row; whitespace may stand between any two of them. */
    private static final List<String> TOKENS = List.of("{", "\"data\"", ":", "[",
            "[", "0", ",", "[", "1.5", ",", "-2e3", ",", "true", ",", "false", ",", "null", "]", "]", ",",
            "[", "1", ",", "[", "]", "]", ",",
            "[", "2", ",", "7", ",", "null", "]", ",",
            "[", "3", "]",
            "]", "}");

    @Test
    void whitespaceBetweenAnyTwoTokensKeepsTheFastPath() {
        String tight = String.join("", TOKENS);
        ParsedBatch expected = scan(tight);
        assertNotNull(expected, tight);
        for (String blank : List.of(" ", "\n", "\r\n", "\t ")) {
            for (int gap = 0; gap <= TOKENS.size(); gap++) {
                String json = String.join("", TOKENS.subList(0, gap)) + blank
                        + String.join("", TOKENS.subList(gap, TOKENS.size()));
                ParsedBatch scanned = scan(json);
                assertNotNull(scanned, () -> "not scanned: " + json.replace("\n", "\\n"));
                assertArrayEquals(expected.rowNumbers(), scanned.rowNumbers(), json);
                assertArrayEquals(expected.noInput(), scanned.noInput(), json);
                assertEquals(body(expected), body(scanned), json);
            }
        }
        assertNotNull(scan(String.join(" ", TOKENS)), "whitespace everywhere at once");
    }

    /**
     * Numbers and the commas between them are copied in runs; whitespace and the literals end a run. Every way a run
     * can start and end, in each format: what the model is sent, byte for byte.
     */
    @Test
    void runsOfNumbersAreCopiedWholeAndBrokenOnlyByWhitespaceAndLiterals() {
        String batch = "{\"data\":[[0,[1.5, -2e3 ,true,false,null,7]],[1,null, 2,3 ],[2,[ 4,5\t,6]],[3,null]]}";
        for (PayloadFormat format : PayloadFormat.values()) {
            ParsedBatch scanned = PlainBatchScanner.scan(batch.getBytes(StandardCharsets.UTF_8), format);
            assertNotNull(scanned, format.name());
            assertArrayEquals(new int[] {3}, scanned.noInput(), format.name());
            String expected = switch (format) {
                case CSV -> "1.5,-2e3,1,0,,7\n,2,3\n4,5,6\n";
                case JSON -> "{\"instances\":[[1.5,-2e3,true,false,null,7],[null,2,3],[4,5,6]]}";
                case JSON_LINES -> "[1.5,-2e3,true,false,null,7]\n[null,2,3]\n[4,5,6]\n";
            };
            RowRange all = new RowRange(0, scanned.encoded().count());
            assertEquals(expected, new String(scanned.encoded().body(all), StandardCharsets.UTF_8), format.name());
        }
    }

    /**
     * A run of digits of every length, at every offset from an eight-byte boundary, ends at the first byte that is not
     * a digit, whatever that byte is: the neighbours of '0' to '9' in ASCII, and bytes whose low four bits look like a
     * digit's. (Looking eight bytes at a time was tried and measured slower: docs/performance.md.)
     */
    @Test
    void aRunOfDigitsEndsAtItsFirstOtherByteWhereverItStands() {
        byte[] after = {',', ']', ' ', '/', ':', '.', 'e', 'a', (byte) 0xB5, (byte) 0x75, (byte) 0xF9, 0x10};
        for (int length = 1; length <= 17; length++) {
            String digits = "9" + "0123456789".repeat(2).substring(0, length - 1);
            for (int pad = 0; pad < 8; pad++) {
                for (byte next : after) {
                    String rest = next == ',' ? "1]]}" : next == ']' ? "]}" : "]]}";
                    byte[] head = ("{\"data\":[[0," + " ".repeat(pad) + digits).getBytes(StandardCharsets.US_ASCII);
                    byte[] tail = rest.getBytes(StandardCharsets.US_ASCII);
                    byte[] json = Arrays.copyOf(head, head.length + 1 + tail.length);
                    json[head.length] = next;
                    System.arraycopy(tail, 0, json, head.length + 1, tail.length);
                    ParsedBatch batch = PlainBatchScanner.scan(json, FORMAT);
                    String what = digits + " then byte " + (next & 0xFF) + ", " + pad + " spaces before";
                    if (next == ',' || next == ']' || next == ' ') {
                        assertNotNull(batch, what);
                        assertEquals("{\"instances\":[[" + digits + (next == ',' ? ",1" : "") + "]]}", body(batch),
                                what);
                    } else {
                        assertNull(batch, what);
                    }
                }
            }
        }
    }

    @Test
    void emptyBatchesAndEmptyArraysWithWhitespaceInsideAreScanned() {
        for (String json : List.of("{\"data\":[]}", "{\"data\":[ ]}", "{\"data\":[\n]}", " {\"data\":[]} \n",
                "{ \"data\" : [ ] }", "{\"data\":[[0,[ ]]]}", "{\"data\":[[ 0 ,[\t]]]}")) {
            ParsedBatch batch = scan(json);
            assertNotNull(batch, json);
            assertEquals(0, batch.encoded().count(), json);
        }
    }

    @Test
    void numbersUpToJacksonsLengthLimitAreScannedAndLongerOnesLeftToIt() {
        String longest = "1" + "0".repeat(999);
        ParsedBatch batch = scan("{\"data\":[[0," + longest + "]]}");
        assertNotNull(batch, "a number of 1,000 characters");
        assertEquals("{\"instances\":[[" + longest + "]]}", body(batch), "copied byte for byte");
        String decimal = "-1." + "5".repeat(997);
        assertNotNull(scan("{\"data\":[[0," + decimal + "]]}"), "a signed decimal of 1,000 characters");
        assertNull(scan("{\"data\":[[0," + longest + "0]]}"), "a number of 1,001 characters");
        assertNull(scan("{\"data\":[[0," + decimal + "5]]}"), "a signed decimal of 1,001 characters");
    }

    @Test
    void aBatchLongerThanTheNumberLimitIsScannedToItsEnd() {
        String rows = String.join(",", IntStream.range(0, 400).mapToObj(i -> "[" + i + ",[" + i + ".25,1e-3]]")
                .toList());
        ParsedBatch batch = scan("{\"data\":[" + rows + "]}");
        assertNotNull(batch);
        assertEquals(400, batch.encoded().count());
        assertEquals(399, batch.rowNumbers()[399]);
    }

    @Test
    void everyRowWithoutInputIsRemembered() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(i % 3 == 0 ? "[" + i + ",1]" : i % 3 == 1 ? "[" + i + ",null]" : "[" + i + ",[]]");
        }
        ParsedBatch batch = scan("{\"data\":[" + String.join(",", rows) + "]}");
        assertNotNull(batch);
        assertArrayEquals(IntStream.range(0, 40).filter(i -> i % 3 != 0).toArray(), batch.noInput());
        assertEquals(14, batch.encoded().count());
    }

    /** Every prefix of a batch ends inside some token: the scanner must give up there, not read past the end. */
    @Test
    void everyCutShortBatchIsLeftToTheJsonParser() {
        for (String json : List.of("{\"data\":[[0,[-1.5e+3,0,12,2E-2,true,false,null]],[1,-0,7.5,null],[2]]}",
                "{ \"data\" : [ [ 0 , [ -1.5 , true , null ] ] , [ 1 , 7 , false ] ] }")) {
            assertNotNull(scan(json));
            for (int end = 0; end < json.length(); end++) {
                String prefix = json.substring(0, end);
                assertNull(scan(prefix), prefix);
            }
        }
    }

    /**
     * A row that is not plain makes the scanner give up even when what follows could close the batch: rows the
     * scanner abandoned half way must never be taken for a complete batch.
     */
    @Test
    void aRowGivenUpHalfWayIsNeverTakenForTheEndOfTheBatch() {
        for (String json : List.of("{\"data\":[[0,]]}", "{\"data\":[[0,[1,]]]}", "{\"data\":[[0,1,]]}",
                "{\"data\":[[0,[tru]]]}", "{\"data\":[[0, nul ]]}",
                "{\"data\":[[0,1],[0]}", "{\"data\":[[3,1],[2]}", "{\"data\":[[0,[1.]}",
                "{\"data\":[[0,1.]}", "{\"data\":[[0,[1e]}", "{\"data\":[[0,[-]}", "{\"data\":[[0,[1,2.]}")) {
            assertNull(scan(json), json);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThrows(ProtocolException.class, () -> BatchParser.parse(bytes, FORMAT), json);
        }
    }

    @Test
    void onlyTheDataKeyIsTheScannersShape() {
        for (String json : List.of("{\"datA\":[[0,1]]}", "{\"Data\":[[0,1]]}", "{\"dat\":[[0,1]]}",
                "{\"data \":[[0,1]]}", "{data:[[0,1]]}", "{\"rows\":[[0,1]]}")) {
            assertNull(scan(json), json);
        }
    }
}
