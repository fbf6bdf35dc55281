package dev.sqlscore.local.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Input rows for tests. */
final class TestRows {

    private TestRows() {
    }

    /** Rows {@code [i, "x"]} for i from 0: each row's first value tells where it came from. */
    static List<JsonNode> numbered(int count) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            csv.append(i).append(",x\n");
        }
        return RowReader.read(csv.toString(), RowReader.Format.CSV, false);
    }
}
