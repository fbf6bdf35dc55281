package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlscore.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnowflakeAnswerTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void pairsRowNumbersWithValuesInRowOrder() {
        List<Row> rows = Batches.rows("[7,1]", "[0,2]", "[3,3]");
        JsonValue.Member member = new JsonValue.Member("s\u00e9", new JsonValue.StringValue("\ud83d\ude00"));
        List<JsonValue> values = List.of(new JsonValue.NumberValue("1E400"), JsonValue.NULL,
                new JsonValue.ObjectValue(List.of(member)));
        assertEquals("{\"data\":[[7,1E400],[0,null],[3,{\"s\u00e9\":\"\ud83d\ude00\"}]]}",
                text(SnowflakeAnswer.data(rows, values)));
    }

    @Test
    void anEmptyBatchHasEmptyData() {
        assertEquals("{\"data\":[]}", text(SnowflakeAnswer.data(List.of(), List.of())));
    }

    @Test
    void refusesToPairDifferentCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> SnowflakeAnswer.data(Batches.rows("[0,1]"), List.of()));
    }

    @Test
    void anErrorIsCodeAndEscapedMessage() {
        assertEquals("{\"error\":\"INVALID_HEADER\",\"message\":\"bad \\\"x\\\"\\nnext\"}",
                text(SnowflakeAnswer.error("INVALID_HEADER", "bad \"x\"\nnext")));
    }
}
