package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlscore.errors.InvalidBatchException;
import dev.sqlscore.errors.ProtocolException;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.payload.RowRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link BatchParser#parse(byte[], PayloadFormat)} writes rows straight from the request's tokens: it must give
 * exactly what reading every value and encoding them gives, for every shape of row, in every format.
 */
class EncodingParserTest {

    /** What the scorer did before: read the values, keep the rows with input, encode them. */
    private static ParsedBatch reference(byte[] json, PayloadFormat format) {
        List<Row> rows = BatchParser.parse(json);
        List<Row> scored = rows.stream().filter(Row::hasInput).toList();
        return new ParsedBatch(rows.stream().mapToLong(Row::rowNumber).toArray(),
                IntStream.range(0, rows.size()).filter(i -> !rows.get(i).hasInput()).toArray(),
                EncodedRows.encode(scored.stream().map(Row::features).toList(), format));
    }

    private static void assertSame(String json, PayloadFormat format) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ParsedBatch expected = reference(bytes, format);
        ParsedBatch actual = BatchParser.parse(bytes, format);
        assertArrayEquals(expected.rowNumbers(), actual.rowNumbers(), json);
        assertArrayEquals(expected.noInput(), actual.noInput(), json);
        assertEquals(expected.encoded().count(), actual.encoded().count(), json);
        RowRange all = new RowRange(0, expected.encoded().count());
        if (all.count() > 0) {
            assertEquals(new String(expected.encoded().body(all), StandardCharsets.UTF_8),
                    new String(actual.encoded().body(all), StandardCharsets.UTF_8), json);
        }
        for (int i = 0; i < all.count(); i++) {
            assertEquals(expected.encoded().rowSize(i), actual.encoded().rowSize(i), json);
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void everyShapeOfRowIsEncodedAsItsValuesWouldBe(PayloadFormat format) {
        for (String rows : List.of(
                "[0,[1,2.5,-3e10,true,false,null]]",
                "[0,1,2,3]",
                "[0,\"a,b\",\"say \\\"hi\\\"\",\"\",\" padded \",\"line\\nbreak\",\"é ü 日本 🎉\"]",
                "[0,[\"x\",1]]",
                "[0,null]", "[0]", "[0,[]]", "[0,[null,null]]", "[0,null,null]",
                "[0,[1,[2,3]]]", "[0,[{\"a\":1}]]", "[0,1,[2]]", "[0,[1],2]", "[0,{\"k\":[1]}]",
                "[0,\"[1,2,3]\"]", "[0,\" [\\\"a\\\", 4]\"]", "[0,\"[1,2\"]", "[0,\"[1]\",2]", "[0,\"[1] x\"]",
                "[0,\"[null]\"]", "[0,\"[ ]\"]", "[0,\"[null,null]\"],[1,\"[2]\"]", "[0,[null,[null]]]",
                "[0,[1,2]],[1,null],[2,[3,4]]",
                "[5,[1]],[3,[2]],[9,null],[4,\"[7]\"],[8,[1,[2]]],[6,[true]]")) {
            assertSame("{\"data\":[" + rows + "]}", format);
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void randomBatchesAreEncodedAsTheirValuesWouldBe(PayloadFormat format) {
        Random random = new Random(12345);
        for (int batch = 0; batch < 300; batch++) {
            StringBuilder json = new StringBuilder("{\"data\":[");
            int rows = random.nextInt(12);
            List<Integer> numbers = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
            if (random.nextBoolean()) {
                Collections.shuffle(numbers, random);
            }
            for (int row = 0; row < rows; row++) {
                json.append(row == 0 ? "" : ",").append('[').append(numbers.get(row));
                boolean array = random.nextBoolean();
                int arguments = random.nextInt(4);
                if (array) {
                    json.append(",[");
                }
                for (int a = 0; a < arguments; a++) {
                    json.append(array && a == 0 ? "" : ",").append(randomValue(random, 2));
                }
                json.append(array ? "]]" : "]");
            }
            assertSame(json.append("]}").toString(), format);
        }
    }

    /** Snowflake's own shape, which the byte-level scanner reads: ascending rows of plain values, any whitespace. */
    private static String plainBatch(Random random) {
        String[] blanks = {"", "", "", " ", "\n", "\t", "\r\n  "};
        StringBuilder json = new StringBuilder(blanks[random.nextInt(blanks.length)]).append("{\"data\":[");
        int rows = random.nextInt(8);
        int number = random.nextInt(3);
        for (int row = 0; row < rows; row++) {
            json.append(row == 0 ? "" : ",").append(blanks[random.nextInt(blanks.length)]).append('[').append(number);
            number += 1 + random.nextInt(3);
            boolean array = random.nextBoolean();
            int arguments = random.nextInt(5);
            if (array) {
                json.append(",").append(blanks[random.nextInt(blanks.length)]).append('[');
            }
            for (int a = 0; a < arguments; a++) {
                json.append(array && a == 0 ? "" : ",").append(blanks[random.nextInt(blanks.length)])
                        .append(List.of("0", "-0", "12", "-3.25", "1e5", "2.5E-3", "true", "false", "null",
                                "123456789012345678901234567890").get(random.nextInt(10)))
                        .append(blanks[random.nextInt(blanks.length)]);
            }
            json.append(array ? "]]" : "]");
        }
        return json.append("]").append(blanks[random.nextInt(blanks.length)]).append("}").toString();
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void plainBatchesAreReadAsTheJsonParserReadsThem(PayloadFormat format) {
        Random random = new Random(777);
        for (int batch = 0; batch < 2_000; batch++) {
            String json = plainBatch(random);
            assertNotNull(PlainBatchScanner.scan(json.getBytes(StandardCharsets.UTF_8), format),
                    "the scanner reads Snowflake's shape itself: " + json);
            assertSame(json, format);
        }
    }

    /**
     * A plain batch with one byte changed, dropped or added: whatever the scanner makes of it, the answer (rows or
     * the error) is the JSON parser's.
     */
    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void brokenPlainBatchesGetTheJsonParsersAnswer(PayloadFormat format) {
        Random random = new Random(4242);
        String alphabet = "0123456789-+.eE,[]{}\" tfalsenu:x";
        for (int batch = 0; batch < 5_000; batch++) {
            StringBuilder json = new StringBuilder(plainBatch(random));
            int at = random.nextInt(json.length());
            switch (random.nextInt(3)) {
                case 0 -> json.deleteCharAt(at);
                case 1 -> json.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> json.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
            String expectedError = null;
            try {
                BatchParser.parse(bytes);
            } catch (ProtocolException e) {
                expectedError = e.getMessage();
            }
            if (expectedError == null) {
                assertSame(json.toString(), format);
            } else {
                String message = expectedError;
                ProtocolException actual = assertThrows(ProtocolException.class, () -> BatchParser.parse(bytes, format),
                        json::toString);
                assertEquals(message, actual.getMessage(), json.toString());
            }
        }
    }

    private static String randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> Double.toString(random.nextGaussian() * 1e3);
            case 2 -> "1.5e-7";
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> "\"" + List.of("", "a", "b,c", "q\\\"q", " s", "[1,2]", "ü").get(random.nextInt(7)) + "\"";
            case 6 -> "-0.0";
            case 7 -> "[" + randomValue(random, depth - 1) + "," + randomValue(random, depth - 1) + "]";
            default -> "{\"k\":" + randomValue(random, depth - 1) + "}";
        };
    }

    @Test
    void errorsAreTheSameAsWhenReadingValues() {
        for (String bad : List.of("{\"data\":[[0,1],[0,2]]}", "{\"data\":[[1,[1,2],[3]],[1,2]]}",
                "{\"data\":[[0,[1,{]]]}", "{\"data\":[[0,[1,2]]", "{\"data\":[[-1,2]]}", "{\"data\":[[0,[1,2]],3]}",
                "{\"data\":[[2,1],[1,1],[2,3]]}")) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            String expected = assertThrows(InvalidBatchException.class, () -> BatchParser.parse(bytes)).getMessage();
            for (PayloadFormat format : PayloadFormat.values()) {
                assertEquals(expected, assertThrows(InvalidBatchException.class,
                        () -> BatchParser.parse(bytes, format)).getMessage(), bad);
            }
        }
    }
}
