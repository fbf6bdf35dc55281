package dev.sqlscore.payload;

/** Rows {@code from} (inclusive) to {@code to} (exclusive) of a batch: one model request. */
public record RowRange(int from, int to) {

    public RowRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
        }
    }

    public int count() {
        return to - from;
    }
}
