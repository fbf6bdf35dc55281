package dev.sqlscore.json;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every way of appending grows the buffer itself: callers size it from estimates, and an estimate too small must
 * cost a copy, never a wrong or cut answer. Each append starts from a buffer already full.
 */
class ByteBuilderGrowthTest {

    /** A builder whose array is full (whatever its smallest size is), holding only '>'s. */
    private static ByteBuilder full() {
        ByteBuilder builder = new ByteBuilder(1);
        do {
            builder.append((byte) '>');
        } while (builder.size() < builder.array().length);
        return builder;
    }

    /** The text after the '>'s that filled the builder. */
    private static String text(ByteBuilder builder) {
        String all = new String(builder.toByteArray(), StandardCharsets.UTF_8);
        return ">" + all.substring(full().size());
    }

    @Test
    void bytesGrowTheBuffer() {
        assertEquals(">abcdef", text(full().append("abcdef".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(">cde", text(full().append("abcdef".getBytes(StandardCharsets.US_ASCII), 2, 3)));
    }

    @Test
    void asciiGrowsTheBuffer() {
        char[] chars = "x0.4821y".toCharArray();
        assertEquals(">0.4821", text(full().appendAscii(chars, 1, 6)));
        assertEquals(">0.4821", text(full().appendAscii("0.4821")));
        assertEquals(">x0.4821y", text(full().appendAscii(chars, 0, chars.length)), "to the array's last char");
    }

    @Test
    void numbersGrowTheBuffer() {
        assertEquals(">-9223372036854775808", text(full().appendLong(Long.MIN_VALUE)));
    }

    @Test
    void utf8GrowsTheBufferByTheEncodedLengthNotTheCharCount() {
        String wide = "é世😀".repeat(50);
        assertEquals(">" + wide, text(full().appendUtf8(wide)));
    }

    @Test
    void jsonStringsGrowTheBufferForTheirEscapesToo() {
        String escaped = "\"\\\n\u0001".repeat(40);
        String expected = ">\"" + "\\\"\\\\\\n\\u0001".repeat(40) + "\"";
        assertEquals(expected, text(full().appendJsonString(escaped)));
        assertEquals(">\"" + "é世😀".repeat(30) + "\"", text(full().appendJsonString("é世😀".repeat(30))));
        assertEquals(">\"\"", text(full().appendJsonString("")), "the quotes alone");
        assertEquals(">\"a\"", text(full().appendJsonString("a")));
    }

    @Test
    void truncatingKeepsThePrefixAndAppendingContinuesFromThere() {
        ByteBuilder builder = full().appendAscii("abcdef");
        int filled = full().size();
        builder.truncate(filled + 2);
        assertEquals(filled + 2, builder.size());
        assertEquals(">abXY", text(builder.appendAscii("XY")));
    }
}
