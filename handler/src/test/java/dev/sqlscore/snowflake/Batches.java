package dev.sqlscore.snowflake;

import dev.sqlscore.json.JsonValue;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.RowRange;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test rows written the way Snowflake sends them. */
public final class Batches {

    private Batches() {
    }

    /** Rows from Snowflake row arrays, e.g. {@code rows("[0,1,\"a\"]", "[1,2,\"b\"]")}. */
    public static List<Row> rows(String... rows) {
        return BatchParser.parse(("{\"data\":[" + String.join(",", rows) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    /** Each row's features, for encoding as the scorer would. */
    public static List<List<JsonValue>> features(String... rows) {
        return rows(rows).stream().map(Row::features).toList();
    }

    public static String body(EncodedRows rows, RowRange range) {
        return new String(rows.body(range), StandardCharsets.UTF_8);
    }

    public static String all(EncodedRows rows) {
        return body(rows, new RowRange(0, rows.count()));
    }
}
