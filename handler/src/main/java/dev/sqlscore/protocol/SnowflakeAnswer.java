package dev.sqlscore.protocol;

import java.util.List;

/** Writes what goes back to Snowflake: the rows' values, or an error. */
public final class SnowflakeAnswer {

    private static final byte[] EMPTY = "{\"data\":[]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SnowflakeAnswer() {
    }

    /**
     * {@code {"data": [[row_number, value], ...]}} in the order of {@code rows}, values written exactly.
     *
     * @param values one per row, in the same order
     */
    public static byte[] data(List<Row> rows, List<JsonValue> values) {
        if (rows.size() != values.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + values.size() + " values");
        }
        if (rows.isEmpty()) {
            return EMPTY.clone();
        }
        ByteBuilder out = new ByteBuilder(16 + rows.size() * 24);
        out.appendAscii("{\"data\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            out.append((byte) '[').appendAscii(Long.toString(rows.get(i).rowNumber())).append((byte) ',');
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
