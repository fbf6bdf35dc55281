package dev.sqlscore.payload;

import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How rows travel to the model, chosen by {@code sagemaker-content-type}. A request body is
 * {@code prefix + row (separator row)* + suffix}; knowing the envelope lets chunks be sized exactly.
 */
public enum PayloadFormat {
    /** One line per row, no header: what SageMaker's built-in algorithms and XGBoost read. */
    CSV("text/csv", "", "\n", "\n") {
        @Override
        public void writeValue(JsonValue value, ByteBuilder out) {
            CsvWriter.writeField(value, out);
        }

        @Override
        public void writeBoolean(boolean value, ByteBuilder out) {
            out.append((byte) (value ? '1' : '0'));
        }

        @Override
        public void writeNull(ByteBuilder out) {
            // NULL is an empty field
        }
    },
    /** {@code {"instances": [[...], ...]}}: TF Serving, PyTorch and scikit-learn style containers. */
    JSON("application/json", "{\"instances\":[", ",", "]}") {
        @Override
        public void startRow(ByteBuilder out) {
            out.append((byte) '[');
        }

        @Override
        public void endRow(ByteBuilder out) {
            out.append((byte) ']');
        }
    },
    /** One JSON array per line. */
    JSON_LINES("application/jsonlines", "", "\n", "\n") {
        @Override
        public void startRow(ByteBuilder out) {
            out.append((byte) '[');
        }

        @Override
        public void endRow(ByteBuilder out) {
            out.append((byte) ']');
        }
    };

    private final String mediaType;
    private final byte[] prefix;
    private final byte[] separator;
    private final byte[] suffix;

    PayloadFormat(String mediaType, String prefix, String separator, String suffix) {
        this.mediaType = mediaType;
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
        this.separator = separator.getBytes(StandardCharsets.US_ASCII);
        this.suffix = suffix.getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends one row's features, without separator. */
    public final void writeRow(List<JsonValue> features, ByteBuilder out) {
        startRow(out);
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            writeValue(features.get(i), out);
        }
        endRow(out);
    }

    /*
     * The pieces of a row, which BatchParser also writes straight from the request's tokens: a row is
     * startRow, values separated by ',', endRow. The JSON formats write values as JSON; CSV overrides them.
     */

    public void startRow(ByteBuilder out) {
    }

    public void endRow(ByteBuilder out) {
    }

    public void writeValue(JsonValue value, ByteBuilder out) {
        value.writeJson(out);
    }

    /** A number as its literal text, in both formats. */
    public final void writeNumber(char[] text, int offset, int length, ByteBuilder out) {
        out.appendAscii(text, offset, length);
    }

    public void writeBoolean(boolean value, ByteBuilder out) {
        out.appendAscii(value ? "true" : "false");
    }

    public void writeNull(ByteBuilder out) {
        out.appendAscii("null");
    }

    public String mediaType() {
        return mediaType;
    }

    byte[] prefix() {
        return prefix;
    }

    byte[] separator() {
        return separator;
    }

    byte[] suffix() {
        return suffix;
    }

    /** Bytes of a body holding {@code rows} rows that together take {@code rowBytes} bytes. */
    long bodySize(int rows, long rowBytes) {
        return prefix.length + rowBytes + (long) Math.max(0, rows - 1) * separator.length + suffix.length;
    }

    /**
     * The format a content type names, ignoring case and parameters ({@code text/CSV; charset=utf-8}).
     */
    public static Optional<PayloadFormat> forContentType(String contentType) {
        String type = MediaTypes.essence(contentType);
        for (PayloadFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public static String supportedTypes() {
        return CSV.mediaType + ", " + JSON.mediaType + " or " + JSON_LINES.mediaType;
    }
}
