package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body decoded from the event's bytes is what Jackson's string, encoded to UTF-8, would be. */
class JsonStringBytesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertAsJackson(String literal) throws Exception {
        byte[] document = ("{\"body\":" + literal + ",\"after\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] expected = JSON.readTree(document).get("body").asText().getBytes(StandardCharsets.UTF_8);
        int quote = "{\"body\":".length();
        JsonStringBytes.Decoded twoPasses = JsonStringBytes.decode(document, quote);
        assertArrayEquals(expected, twoPasses.bytes(), literal);
        assertEquals(quote + literal.getBytes(StandardCharsets.UTF_8).length - 1, twoPasses.closingQuote(), literal);
        byte[] copy = document.clone();
        JsonStringBytes.Decoded inPlace = JsonStringBytes.decodeInPlace(copy, quote);
        assertArrayEquals(expected, inPlace.bytes(), literal);
        assertEquals(twoPasses.closingQuote(), inPlace.closingQuote(), literal);
        assertArrayEquals(Arrays.copyOfRange(document, inPlace.closingQuote(), document.length),
                Arrays.copyOfRange(copy, inPlace.closingQuote(), copy.length), "what follows is untouched");
    }

    @Test
    void decodesEveryEscapeAsJacksonDoes() throws Exception {
        for (String literal : List.of("\"\"", "\"plain\"", "\"{\\\"data\\\":[[0,1]]}\"",
                "\"\\\\ \\/ \\b \\f \\n \\r \\t\"",
                "\"\\u00e9\\u65e5\\u0000\"", "\"\\uD83C\\uDF89 party\"", "\"lone \\uD83C here\"", "\"lone \\uDF89\"",
                "\"\\uD83C\\u0041\"", "\"é 日本 🎉 raw\"", "\"end\\\\\"")) {
            assertAsJackson(literal);
        }
    }

    @Test
    void randomStringsDecodeAsJacksonDecodesThem() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                text.append((char) switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0xD800 + random.nextInt(0x800);
                    default -> 0x800 + random.nextInt(0xF000);
                });
            }
            assertAsJackson(JSON.writeValueAsString(text.toString()));
        }
    }

    /** Escapes at every boundary of UTF-8's lengths, and random text with every character beyond ASCII escaped. */
    @Test
    void decodesEscapedCodePointsOfEveryUtf8LengthAsJacksonDoes() throws Exception {
        for (int codePoint : new int[] {0x01, 0x7F, 0x80, 0xFF, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
                0x1F389, 0x10FFFF}) {
            StringBuilder literal = new StringBuilder("\"");
            for (char unit : Character.toChars(codePoint)) {
                literal.append(String.format("\\u%04X", (int) unit));
            }
            assertAsJackson(literal.append('"').toString());
        }
        ObjectMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(8); c > 0; c--) {
                text.appendCodePoint(switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x800 + random.nextInt(0xD000);
                    default -> 0x10000 + random.nextInt(0x100000);
                });
            }
            assertAsJackson(escaping.writeValueAsString(text.toString()));
        }
    }

    @Test
    void findsTheNextQuoteOrBackslashEightBytesAtATimeAsOneAtATimeWould() {
        Random random = new Random(8);
        byte[] alphabet = {'a', '"', '\\', 0x21, 0x23, 0x5B, 0x5D, (byte) 0xA2, (byte) 0xDC, 0};
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = from;
            while (expected < bytes.length && bytes[expected] != '"' && bytes[expected] != '\\'
                    && (bytes[expected] < 0 || bytes[expected] >= 0x20)) {
                expected++;
            }
            assertEquals(expected, JsonStringBytes.nextSpecial(bytes, from),
                    Arrays.toString(bytes) + " from " + from);
        }
    }

    @Test
    void refusesWhatIsNotAString() {
        for (String bad : List.of("{\"body\":\"open", "{\"body\":\"raw\ttab\"}", "{\"body\":\"bad \\x escape\"}",
                "{\"body\":\"\\u12\"}", "{\"body\":\"\\u00", "{\"body\":\"\\uD83C\\uDF",
                "{\"body\":\"trailing \\")) {
            byte[] document = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> JsonStringBytes.decode(document, "{\"body\":".length()),
                    bad);
        }
        byte[] document = "{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (int notAQuote : new int[] {-1, 0, document.length}) {
            assertThrows(IllegalArgumentException.class, () -> JsonStringBytes.decode(document, notAQuote));
            assertThrows(IllegalArgumentException.class, () -> JsonStringBytes.decodeInPlace(document, notAQuote));
        }
    }
}
