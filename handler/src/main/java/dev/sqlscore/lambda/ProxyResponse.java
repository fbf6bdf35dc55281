package dev.sqlscore.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sqlscore.scoring.ScoringResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the API Gateway proxy response: {@code {"statusCode", "headers", "body", "isBase64Encoded"}}. */
final class ProxyResponse {

    /**
     * Lambda's synchronous response limit (6 MB) applies to the serialized proxy response, JSON escaping of the
     * body included. Lambda's own check is at 6,291,556 bytes; 6 MiB keeps 100 bytes to spare.
     */
    static final int MAX_BYTES = 6 * 1024 * 1024;

    private ProxyResponse() {
    }

    static byte[] write(JsonFactory json, int statusCode, byte[] body) {
        // Room for the escaping of the body's quotes (a few per row in a Snowflake answer) without regrowing.
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 8 + 128);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", statusCode);
            generator.writeObjectFieldStart("headers");
            generator.writeStringField("Content-Type", ScoringResponse.CONTENT_TYPE);
            generator.writeEndObject();
            generator.writeFieldName("body");
            // The body is already UTF-8 JSON: escape it into a JSON string without decoding it to a String.
            generator.writeUTF8String(body, 0, body.length);
            generator.writeBooleanField("isBase64Encoded", false);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return out.toByteArray();
    }
}
