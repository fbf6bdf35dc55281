package dev.sqlscore.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteBuilderLongTest {

    @Test
    void writesEveryLongAsLongToStringDoes() {
        Random random = new Random(17);
        long[] edges = {0, 1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE,
            -1, -10, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long value : edges) {
            assertEquals(Long.toString(value), written(value));
        }
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertEquals(Long.toString(value), written(value));
        }
    }

    private static String written(long value) {
        ByteBuilder out = new ByteBuilder(1).append((byte) '[');
        out.appendLong(value);
        return new String(out.toByteArray(), 1, out.size() - 1, StandardCharsets.US_ASCII);
    }
}
