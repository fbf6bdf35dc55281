package dev.sqlscore.snowflake;

import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes what goes back to Snowflake: the rows' values, or an error. */
public final class SnowflakeAnswer {

    private static final byte[] EMPTY = "{\"data\":[]}".getBytes(StandardCharsets.US_ASCII);

    private SnowflakeAnswer() {
    }

    /**
     * {@code {"data": [[row_number, value], ...]}} in the order of {@code rows}, values written exactly.
     *
     * @param values one per row, in the same order
     */
    public static byte[] data(List<Row> rows, List<JsonValue> values) {
        return data(rows.stream().mapToLong(Row::rowNumber).toArray(), values);
    }

    /** As {@link #data(List, List)}, from the rows' numbers alone. */
    public static byte[] data(long[] rowNumbers, List<JsonValue> values) {
        if (rowNumbers.length != values.size()) {
            throw new IllegalArgumentException(rowNumbers.length + " rows but " + values.size() + " values");
        }
        if (rowNumbers.length == 0) {
            return EMPTY.clone();
        }
        ByteBuilder out = new ByteBuilder(16 + rowNumbers.length * 16);
        out.appendAscii("{\"data\":[");
        for (int i = 0; i < rowNumbers.length; i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            out.append((byte) '[').appendLong(rowNumbers[i]).append((byte) ',');
            values.get(i).writeJson(out);
            out.append((byte) ']');
        }
        return out.appendAscii("]}").toByteArray();
    }

    /** {@code {"error": code, "message": message}}. */
    public static byte[] error(String code, String message) {
        ByteBuilder out = new ByteBuilder(64 + message.length());
        out.appendAscii("{\"error\":").appendJsonString(code).appendAscii(",\"message\":").appendJsonString(message);
        return out.append((byte) '}').toByteArray();
    }
}
