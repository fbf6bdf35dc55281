package dev.sqlscore.protocol;

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
        void writeRow(List<JsonValue> features, ByteBuilder out) {
            CsvWriter.writeRecord(features, out);
        }
    },
    /** {@code {"instances": [[...], ...]}}: TF Serving, PyTorch and scikit-learn style containers. */
    JSON("application/json", "{\"instances\":[", ",", "]}") {
        @Override
        void writeRow(List<JsonValue> features, ByteBuilder out) {
            JsonValue.writeArray(features, out);
        }
    },
    /** One JSON array per line. */
    JSON_LINES("application/jsonlines", "", "\n", "\n") {
        @Override
        void writeRow(List<JsonValue> features, ByteBuilder out) {
            JsonValue.writeArray(features, out);
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
    abstract void writeRow(List<JsonValue> features, ByteBuilder out);

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

    static String supportedTypes() {
        return CSV.mediaType + ", " + JSON.mediaType + " or " + JSON_LINES.mediaType;
    }
}
