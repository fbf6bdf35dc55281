package dev.sqlscore.payload;

import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.json.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's rows encoded once, back to back in one buffer, so that chunks can be sized and cut from them
 * without encoding anything twice. Immutable after {@link #encode}.
 */
public final class EncodedRows {

    private final PayloadFormat format;
    private final byte[] bytes;
    private final int[] offsets;

    private EncodedRows(PayloadFormat format, byte[] bytes, int[] offsets) {
        this.format = format;
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** Each row given as its features, in order. */
    public static EncodedRows encode(List<? extends List<JsonValue>> rows, PayloadFormat format) {
        ByteBuilder out = new ByteBuilder(rows.size() * 64);
        int[] offsets = new int[rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            format.writeRow(rows.get(i), out);
            offsets[i + 1] = out.size();
        }
        return new EncodedRows(format, out.array(), offsets);
    }

    /** Rows already encoded back to back in {@code out}: row {@code i} is {@code [offsets[i], offsets[i + 1])}. */
    public static EncodedRows of(PayloadFormat format, ByteBuilder out, int[] offsets, int count) {
        return new EncodedRows(format, out.array(), Arrays.copyOf(offsets, count + 1));
    }

    public PayloadFormat format() {
        return format;
    }

    public int count() {
        return offsets.length - 1;
    }

    /** Bytes of row {@code index} alone, without envelope or separator. */
    public int rowSize(int index) {
        return offsets[index + 1] - offsets[index];
    }

    /** The request body for rows {@code [range.from(), range.to())}, envelope included. */
    public byte[] body(RowRange range) {
        int rowBytes = offsets[range.to()] - offsets[range.from()];
        ByteBuilder out = new ByteBuilder((int) format.bodySize(range.count(), rowBytes));
        out.append(format.prefix());
        for (int i = range.from(); i < range.to(); i++) {
            if (i > range.from()) {
                out.append(format.separator());
            }
            out.append(bytes, offsets[i], rowSize(i));
        }
        return out.append(format.suffix()).toByteArrayHandingOver();
    }

    @Override
    public String toString() {
        return "EncodedRows[format=" + format + ", rows=" + count() + ", bytes=" + offsets[offsets.length - 1] + "]";
    }
}
