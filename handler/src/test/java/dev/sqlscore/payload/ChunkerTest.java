package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.PayloadTooLargeException;
import dev.sqlscore.snowflake.Batches;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    /** {@code count} CSV rows of {@code width} letters each: every row takes width + 1 bytes with its newline. */
    private static EncodedRows csvRows(int count, int width) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add("[" + i + ",\"" + "x".repeat(width) + "\"]");
        }
        return EncodedRows.encode(Batches.features(rows.toArray(String[]::new)), PayloadFormat.CSV);
    }

    @Test
    void noRowsMakeNoRequest() {
        assertEquals(List.of(), Chunker.plan(csvRows(0, 9), 40, 0));
        assertEquals(List.of(), Chunker.plan(csvRows(0, 9), 40, 5));
    }

    @Test
    void rowsThatFitExactlyGoInOneRequest() {
        EncodedRows rows = csvRows(4, 9);
        assertEquals(List.of(new RowRange(0, 4)), Chunker.plan(rows, 40, 0));
        assertEquals(40, rows.body(new RowRange(0, 4)).length);
    }

    @Test
    void oneByteOverStartsANewRequest() {
        assertEquals(List.of(new RowRange(0, 3), new RowRange(3, 4)), Chunker.plan(csvRows(4, 9), 39, 0));
    }

    @Test
    void theJsonEnvelopeCountsAgainstTheBudget() {
        EncodedRows rows = EncodedRows.encode(Batches.features("[0,1]", "[1,2]"), PayloadFormat.JSON);
        int bothBytes = rows.body(new RowRange(0, 2)).length;
        assertEquals("{\"instances\":[[1],[2]]}".length(), bothBytes);
        assertEquals(List.of(new RowRange(0, 2)), Chunker.plan(rows, bothBytes, 0));
        assertEquals(List.of(new RowRange(0, 1), new RowRange(1, 2)), Chunker.plan(rows, bothBytes - 1, 0));
    }

    @Test
    void theRowCapSplitsToo() {
        assertEquals(List.of(new RowRange(0, 2), new RowRange(2, 4), new RowRange(4, 5)),
                Chunker.plan(csvRows(5, 1), 1_000, 2));
        assertEquals(List.of(new RowRange(0, 5)), Chunker.plan(csvRows(5, 1), 1_000, 0));
    }

    @Test
    void everyRequestRespectsBothLimitsAndNoRowIsLost() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add("[" + i + ",\"" + "x".repeat((i * 37) % 101) + "\"]");
        }
        EncodedRows encoded = EncodedRows.encode(Batches.features(rows.toArray(String[]::new)), PayloadFormat.JSON);
        List<RowRange> chunks = Chunker.plan(encoded, 1_024, 7);
        int next = 0;
        for (RowRange chunk : chunks) {
            assertEquals(next, chunk.from());
            assertTrue(chunk.count() >= 1 && chunk.count() <= 7);
            assertTrue(encoded.body(chunk).length <= 1_024);
            next = chunk.to();
        }
        assertEquals(500, next);
    }

    /** Chunks are filled: no chunk but the last could have taken its next row, so no call is made that need not be. */
    @Test
    void everyChunkButTheLastIsFull() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            List<String> rows = new ArrayList<>();
            int count = 1 + random.nextInt(300);
            for (int i = 0; i < count; i++) {
                rows.add("[" + i + ",\"" + "x".repeat(random.nextInt(60)) + "\"]");
            }
            PayloadFormat format = PayloadFormat.values()[trial % PayloadFormat.values().length];
            EncodedRows encoded = EncodedRows.encode(Batches.features(rows.toArray(String[]::new)), format);
            int budget = 200 + random.nextInt(2_000);
            int cap = trial % 2 == 0 ? 0 : 1 + random.nextInt(40);
            List<RowRange> chunks = Chunker.plan(encoded, budget, cap);
            for (int i = 0; i < chunks.size() - 1; i++) {
                RowRange chunk = chunks.get(i);
                boolean capped = cap > 0 && chunk.count() == cap;
                boolean noRoom = encoded.body(new RowRange(chunk.from(), chunk.to() + 1)).length > budget;
                assertTrue(capped || noRoom, "trial " + trial + ": chunk " + chunk + " could have taken row "
                        + chunk.to() + " (budget " + budget + ", cap " + cap + ")");
            }
        }
    }

    @Test
    void aRowTooLargeOnItsOwnIs413NamingItsIndexSizeAndTheSetting() {
        EncodedRows rows = EncodedRows.encode(Batches.features("[0,1]", "[1,\"" + "x".repeat(2_000) + "\"]"),
                PayloadFormat.CSV);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> Chunker.plan(rows, 1_024, 0));
        assertEquals(413, e.httpStatus());
        assertTrue(e.getMessage().contains("Row at index 1 of those sent to the model takes 2001 bytes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1024-byte limit"), e.getMessage());
        assertTrue(e.getMessage().contains("SQLSCORE_MAX_REQUEST_BYTES"), e.getMessage());
    }

    @Test
    void aRowThatFillsTheBudgetAloneIsFine() {
        assertEquals(List.of(new RowRange(0, 1), new RowRange(1, 2)), Chunker.plan(csvRows(2, 1_023), 1_024, 0));
    }
}
