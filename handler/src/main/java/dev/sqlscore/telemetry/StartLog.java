package dev.sqlscore.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The line an execution environment leaves with its first batch: whether it started from scratch or from a
 * SnapStart snapshot, as a metric of its own ({@link Metrics#COLD_STARTS} or {@link Metrics#RESTORES}, namespace
 * level, no dimensions), and whose cryptography signs and encrypts its calls.
 */
public final class StartLog {

    private static final JsonFactory JSON = new JsonFactory();

    /** How an execution environment came to serve its first batch. */
    public enum Start {
        COLD(Metrics.COLD_STARTS, "cold"),
        RESTORE(Metrics.RESTORES, "restore");

        private final String metric;
        private final String word;

        Start(String metric, String word) {
            this.metric = metric;
            this.word = word;
        }
    }

    private StartLog() {
    }

    public static String json(Start start, String namespace, String crypto, long timestampMillis) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("event", "sqlscore.start");
            json.writeStringField("start", start.word);
            json.writeStringField("crypto", crypto);
            json.writeNumberField(start.metric, 1);
            EmbeddedMetrics.write(json, namespace, timestampMillis, List.of(new EmbeddedMetrics.Directive(
                    List.of(List.of()), List.of(EmbeddedMetrics.Metric.count(start.metric)))));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
