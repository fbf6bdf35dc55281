package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlscore.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CSV reader's number check is JSON's number grammar, as the regular expression it replaced states it. */
class CsvNumberTest {

    private static final Pattern GRAMMAR = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    @Test
    void agreesWithTheGrammarOnEdgeCasesAndRandomStrings() {
        for (String text : List.of("", "-", "0", "-0", "00", "01", "10", "1.", ".5", "1.5", "1e", "1e+", "1e5", "1E-5",
                "-0.0e0", "1.5e10x", "0x10", "+1", " 1", "1 ", "NaN", "Infinity", "1_000", "١")) {
            assertEquals(GRAMMAR.matcher(text).matches(), CsvReader.isJsonNumber(text), "'" + text + "'");
        }
        Random random = new Random(99);
        String alphabet = "0123456789-+.eE x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(8); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(GRAMMAR.matcher(text).matches(), CsvReader.isJsonNumber(text.toString()), "'" + text + "'");
        }
    }

    /**
     * One value per line takes a shortcut past the record reader, on the body's bytes: it must read exactly what the
     * reader reads from the body's text, whitespace of every kind {@link String#strip()} takes included.
     */
    @Test
    void oneValuePerLineReadsAsTheRecordReaderWould() {
        Random random = new Random(3);
        List<String> pieces = List.of("0.5", "1", "-2e3", "", " 7 ", "x", "NaN", "\n", "\r\n", "\r", "é", "\t",
                "\u000B", "\f", "\u001C", "\u001F", "\u00A0", "\u2003", "\u0085");
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(8); p > 0; p--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            assertEquals(asTheRecordReaderReads(body), CsvReader.read(body), printable(body));
        }
    }

    /** Bytes that are not UTF-8 decode as the whole body's text would, replacement characters and all. */
    @Test
    void malformedUtf8ReadsAsTheBodysTextWould() {
        Random random = new Random(5);
        byte[][] pieces = {{'0', '.', '5'}, {'\n'}, {'\r'}, {' '}, {(byte) 0xC3}, {(byte) 0xA9}, {(byte) 0xFF},
            {(byte) 0xE2, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {'7'}};
        for (int i = 0; i < 50_000; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int p = random.nextInt(8); p > 0; p--) {
                body.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(asTheRecordReaderReads(body.toByteArray()), CsvReader.read(body.toByteArray()),
                    printable(body.toByteArray()));
        }
    }

    private static List<JsonValue> asTheRecordReaderReads(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<JsonValue> expected = new ArrayList<>();
        if (text.equals("\n") || text.equals("\r\n")) {
            return expected;
        }
        CsvRecordReader records = CsvRecordReader.lenient(new StringReader(text));
        for (List<CsvRecordReader.Field> fields = records.next(); fields != null; fields = records.next()) {
            expected.add(fields.get(0).text().isEmpty() ? JsonValue.NULL
                    : CsvReader.isJsonNumber(fields.get(0).text().strip())
                    ? new JsonValue.NumberValue(fields.get(0).text().strip())
                    : new JsonValue.StringValue(fields.get(0).text()));
        }
        return expected;
    }

    private static String printable(byte[] body) {
        return HexFormat.ofDelimiter(" ").formatHex(body);
    }
}
