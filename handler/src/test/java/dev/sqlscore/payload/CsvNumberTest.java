package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlscore.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** One value per line takes a shortcut past the record reader: it must read exactly what the reader reads. */
    @Test
    void oneValuePerLineReadsAsTheRecordReaderWould() {
        Random random = new Random(3);
        List<String> pieces = List.of("0.5", "1", "-2e3", "", " 7 ", "x", "NaN", "\n", "\r\n", "\r", "é");
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(8); p > 0; p--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String body = text.toString();
            if (body.equals("\n") || body.equals("\r\n")) {
                continue;
            }
            List<JsonValue> expected = new ArrayList<>();
            CsvRecordReader records = CsvRecordReader.lenient(new StringReader(body));
            for (List<CsvRecordReader.Field> fields = records.next(); fields != null; fields = records.next()) {
                expected.add(fields.get(0).text().isEmpty() ? JsonValue.NULL
                        : CsvReader.isJsonNumber(fields.get(0).text().strip())
                        ? new JsonValue.NumberValue(fields.get(0).text().strip())
                        : new JsonValue.StringValue(fields.get(0).text()));
            }
            assertEquals(expected, CsvReader.read(body.getBytes(StandardCharsets.UTF_8)),
                    body.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }
}
