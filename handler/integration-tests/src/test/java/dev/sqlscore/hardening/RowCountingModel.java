package dev.sqlscore.hardening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import dev.sqlscore.payload.PayloadFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A well-behaved model for any payload format: it counts the rows it was sent, reading the body the way a
 * container would (JSON's {@code instances}, JSON Lines' values, CSV's records with quoted line breaks), and
 * answers {@code {"predictions": [0, 1, ...]}}, one value per row.
 */
final class RowCountingModel implements ModelInvoker {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public ModelResponse invoke(ModelRequest request, Duration timeout) {
        int rows = countRows(request.contentType(), request.body());
        StringBuilder answer = new StringBuilder("{\"predictions\":[");
        for (int i = 0; i < rows; i++) {
            answer.append(i == 0 ? "" : ",").append(i);
        }
        return new ModelResponse("application/json", answer.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    static int countRows(String contentType, byte[] body) {
        PayloadFormat format = PayloadFormat.forContentType(contentType)
                .orElseThrow(() -> new AssertionError("the scorer sent an unsupported content type"));
        try {
            return switch (format) {
                case CSV -> csvRecords(new String(body, StandardCharsets.UTF_8));
                case JSON_LINES -> jsonValues(body, false);
                case JSON -> jsonValues(body, true);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the scorer sent a body its own format cannot read", e);
        }
    }

    /** Every record ends with a line break; line breaks inside quotes belong to a field. */
    private static int csvRecords(String text) {
        int records = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
        }
        return records;
    }

    /** Top-level values, or with {@code instances} the elements of {@code {"instances": [...]}}. */
    private static int jsonValues(byte[] body, boolean instances) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (instances) {
                expect(parser.nextToken(), JsonToken.START_OBJECT);
                expect(parser.nextToken(), JsonToken.FIELD_NAME);
                expect(parser.nextToken(), JsonToken.START_ARRAY);
            }
            int values = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                parser.skipChildren();
                values++;
            }
            return values;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " in the model request, got " + actual);
        }
    }
}
