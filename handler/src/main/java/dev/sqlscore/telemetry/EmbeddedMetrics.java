package dev.sqlscore.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The {@code _aws} member that makes a JSON log line a CloudWatch Embedded Metric Format document: CloudWatch Logs
 * turns the named top-level fields into metrics, with no API call and no extra line. Pure: it writes what it is
 * given into the line being written.
 */
final class EmbeddedMetrics {

    /** One metric and its CloudWatch unit. */
    record Metric(String name, String unit) {
        static Metric count(String name) {
            return new Metric(name, "Count");
        }

        static Metric bytes(String name) {
            return new Metric(name, "Bytes");
        }

        static Metric millis(String name) {
            return new Metric(name, "Milliseconds");
        }
    }

    /** Metrics recorded under every one of the dimension sets (each a list of dimension field names). */
    record Directive(List<List<String>> dimensionSets, List<Metric> metrics) {
    }

    private EmbeddedMetrics() {
    }

    static void write(JsonGenerator json, String namespace, long timestampMillis, List<Directive> directives)
            throws IOException {
        json.writeObjectFieldStart("_aws");
        json.writeNumberField("Timestamp", timestampMillis);
        json.writeArrayFieldStart("CloudWatchMetrics");
        for (Directive directive : directives) {
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            for (List<String> dimensions : directive.dimensionSets()) {
                json.writeStartArray();
                for (String dimension : dimensions) {
                    json.writeString(dimension);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : directive.metrics()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.name());
                json.writeStringField("Unit", metric.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
