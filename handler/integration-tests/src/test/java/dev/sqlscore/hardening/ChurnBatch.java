package dev.sqlscore.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.Reply;
import java.nio.charset.StandardCharsets;

/**
 * A batch whose answer proves itself: row {@code i} (0-based, in sent order) has row number {@code 7 * (rows - i)}
 * (descending: Snowflake's order is arbitrary and must be kept) and first feature {@code first + i}; the model
 * answers each row with its first feature. So a complete, ordered, duplicate-free answer is exactly
 * {@code [7 * (rows - i), first + i]} at position {@code i}, and {@code first} tells batches apart.
 */
final class ChurnBatch {

    private ChurnBatch() {
    }

    static long rowNumber(int rows, int index) {
        return 7L * (rows - index);
    }

    static byte[] body(int rows) {
        return body(rows, 0);
    }

    static byte[] body(int rows, long first) {
        StringBuilder body = new StringBuilder(rows * 64).append("{\"data\":[");
        for (int i = 0; i < rows; i++) {
            body.append(i == 0 ? "[" : ",[").append(rowNumber(rows, i)).append(",[").append(first + i)
                    .append(",0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0.125]]");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV model: one line per row, holding the row's first feature. */
    static Reply firstFeature(Invocation invocation) {
        StringBuilder answer = new StringBuilder();
        new String(invocation.request().body(), StandardCharsets.UTF_8).lines()
                .forEach(line -> answer.append(line, 0, line.indexOf(',')).append('\n'));
        return Reply.answer("text/csv", answer.toString());
    }

    /** The first feature of the first row an invocation carries: which chunk it is. */
    static int firstRow(Invocation invocation) {
        String body = new String(invocation.request().body(), StandardCharsets.UTF_8);
        return Integer.parseInt(body.substring(0, body.indexOf(',')));
    }

    /** Every row answered exactly once, in the order sent, with its own value. */
    static void assertCompleteAnswer(int rows, byte[] answer) {
        assertCompleteAnswer(rows, 0, answer);
    }

    static void assertCompleteAnswer(int rows, long first, byte[] answer) {
        JsonNode data = SnowflakeAnswers.json(answer).path("data");
        assertEquals(rows, data.size(), "one answer per row");
        for (int i = 0; i < rows; i++) {
            assertEquals(rowNumber(rows, i), data.get(i).get(0).asLong(), "row number at " + i);
            assertEquals(first + i, data.get(i).get(1).asLong(), "value at " + i);
        }
    }
}
