package dev.sqlscore.payload;

import dev.sqlscore.errors.PayloadTooLargeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a batch into as few model requests as the limits allow, keeping row order: each request's body,
 * envelope included, fits the byte budget and holds at most the row cap.
 */
public final class Chunker {

    private Chunker() {
    }

    /**
     * @param maxBytes largest request body
     * @param maxRows  most rows per request; 0 for no cap
     * @throws PayloadTooLargeException when a single row does not fit {@code maxBytes} on its own
     */
    public static List<RowRange> plan(EncodedRows rows, int maxBytes, int maxRows) {
        PayloadFormat format = rows.format();
        List<RowRange> chunks = new ArrayList<>();
        int start = 0;
        long rowBytes = 0;
        for (int i = 0; i < rows.count(); i++) {
            int size = rows.rowSize(i);
            long alone = format.bodySize(1, size);
            if (alone > maxBytes) {
                throw new PayloadTooLargeException("Row at index " + i + " of those sent to the model takes " + alone
                        + " bytes as a " + format.mediaType() + " request on its own, more than the " + maxBytes
                        + "-byte limit on one model request (SQLSCORE_MAX_REQUEST_BYTES); raise "
                        + "SQLSCORE_MAX_REQUEST_BYTES (SageMaker accepts up to 6 MB) or send smaller rows");
            }
            boolean full = format.bodySize(i - start + 1, rowBytes + size) > maxBytes
                    || (maxRows > 0 && i - start == maxRows);
            if (i > start && full) {
                chunks.add(new RowRange(start, i));
                start = i;
                rowBytes = 0;
            }
            rowBytes += size;
        }
        if (rows.count() > start) {
            chunks.add(new RowRange(start, rows.count()));
        }
        return List.copyOf(chunks);
    }
}
