package dev.sqlscore.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every class of code point through the UTF-8 and JSON writers, held to the JDK's own encoder: each length boundary
 * (1 to 4 bytes) at both ends, supplementary planes (a tag character, the last code point), and random code points.
 * Lone surrogates have no UTF-8 form: U+FFFD in UTF-8 text, a \\u escape in JSON, wherever they stand.
 */
class ByteBuilderUtf8PropertyTest {

    static List<Integer> codePoints() {
        List<Integer> points = new ArrayList<>(List.of(0x00, 0x01, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, 0x100, 0x7FF,
                0x800, 0xFFF, 0x1000, 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x20067, 0xE0067,
                0xFFFFF, 0x100000, 0x10FFFF));
        Random random = new Random(2026);
        IntStream.range(0, 2_000).map(i -> random.nextInt(0x110000))
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE).forEach(points::add);
        return points;
    }

    @ParameterizedTest
    @MethodSource("codePoints")
    void utf8IsTheJdksEncoding(int codePoint) {
        String text = "<" + new String(Character.toChars(codePoint)) + ">";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), new ByteBuilder(1).appendUtf8(text).toByteArray(),
                Integer.toHexString(codePoint));
    }

    @ParameterizedTest
    @MethodSource("codePoints")
    void jsonStringsCarryEveryCodePointAsJacksonReadsIt(int codePoint) throws Exception {
        String text = "<" + new String(Character.toChars(codePoint)) + ">";
        byte[] json = new ByteBuilder(1).appendJsonString(text).toByteArray();
        assertEquals(text, reparse(json), Integer.toHexString(codePoint));
        if (codePoint >= 0x80) {
            assertArrayEquals(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8), json,
                    "non-ASCII is written as UTF-8, not escaped: " + Integer.toHexString(codePoint));
        }
    }

    private static String reparse(byte[] json) throws Exception {
        try (var parser = JsonValues.FACTORY.createParser(json)) {
            parser.nextToken();
            return parser.getText();
        }
    }

    /** A lone surrogate at the end, at the start, or before something that is not its pair. */
    @ParameterizedTest
    @ValueSource(strings = {"x\ud800", "\udc00x", "\ud800x", "\ud83d\ud83d", "\udbff", "a\ude00\ud83d"})
    void loneSurrogatesAreReplacedInUtf8AndEscapedInJson(String text) {
        StringBuilder utf8 = new StringBuilder();
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            utf8.append(Character.isSurrogate(c) ? '\ufffd' : c);
            json.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        json.append('"');
        assertArrayEquals(utf8.toString().getBytes(StandardCharsets.UTF_8),
                new ByteBuilder(1).appendUtf8(text).toByteArray());
        assertEquals(json.toString(), new String(new ByteBuilder(1).appendJsonString(text).toByteArray(),
                StandardCharsets.UTF_8));
    }
}
