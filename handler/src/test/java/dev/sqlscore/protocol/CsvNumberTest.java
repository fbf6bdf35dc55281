package dev.sqlscore.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
