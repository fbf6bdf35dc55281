package dev.sqlscore.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test rows written the way Snowflake sends them. */
final class Batches {

    private Batches() {
    }

    /** Rows from Snowflake row arrays, e.g. {@code rows("[0,1,\"a\"]", "[1,2,\"b\"]")}. */
    static List<Row> rows(String... rows) {
        return BatchParser.parse(("{\"data\":[" + String.join(",", rows) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    static String body(EncodedRows rows, RowRange range) {
        return new String(rows.body(range), StandardCharsets.UTF_8);
    }

    static String all(EncodedRows rows) {
        return body(rows, new RowRange(0, rows.count()));
    }
}
