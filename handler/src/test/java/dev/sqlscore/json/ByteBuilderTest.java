package dev.sqlscore.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteBuilderTest {

    private static final String MIXED = "a\u00e9\u4e16\ud83d\ude00z";

    @Test
    void writesUtf8LikeTheJdkAndGrowsAsNeeded() {
        ByteBuilder out = new ByteBuilder(1);
        for (int i = 0; i < 100; i++) {
            out.appendUtf8(MIXED);
        }
        assertArrayEquals(MIXED.repeat(100).getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void anUnpairedSurrogateIsAReplacementCharacterInUtf8AndAnEscapeInJson() {
        assertEquals("x\ufffdy", new String(new ByteBuilder(4).appendUtf8("x\ud800y").toByteArray(),
                StandardCharsets.UTF_8));
        assertEquals("\"x\\ud800y\\udc00\"", new String(new ByteBuilder(4).appendJsonString("x\ud800y\udc00")
                .toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void jsonStringsEscapeWhatJsonRequires() {
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f c\\u0001\\u001f " + MIXED + "\"",
                new String(new ByteBuilder(4).appendJsonString("q\" b\\ n\n r\r t\t b\b f\f c\u0001\u001f " + MIXED)
                        .toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void valuesLeaveRowDataOutOfToString() {
        assertFalse(new JsonValue.StringValue("secret").toString().contains("secret"));
        assertFalse(new JsonValue.NumberValue("31415").toString().contains("31415"));
        assertFalse(new JsonValue.ArrayValue(List.of(new JsonValue.StringValue("secret"))).toString()
                .contains("secret"));
    }
}
