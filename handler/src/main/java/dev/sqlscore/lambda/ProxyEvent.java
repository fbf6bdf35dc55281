package dev.sqlscore.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.scoring.ScoringRequest;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an API Gateway REST proxy event (payload 1.0): {@code httpMethod}, {@code headers},
 * {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}. Nothing else of the event is used.
 */
final class ProxyEvent {

    /** What stands for the body in the rest of the event: {@code {"":0}, then the rest. */
    private static final byte[] PLACEHOLDER = "{\"\":0".getBytes(StandardCharsets.US_ASCII);

    private ProxyEvent() {
    }

    /**
     * @param timeRemaining what Lambda leaves this invocation, or null for no limit
     * @throws MalformedEventException saying which field is wrong; never quoting the event's content
     */
    static ScoringRequest read(ObjectMapper json, InputStream event, Duration timeRemaining)
            throws MalformedEventException {
        byte[] bytes;
        Fields fields;
        try {
            bytes = event.readAllBytes();
            fields = fields(json, bytes);
        } catch (JsonProcessingException e) {
            // Jackson's own message can quote the input (row data): give the position only.
            throw new MalformedEventException("is not valid JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedEventException("could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (fields == null) {
            throw new MalformedEventException("is not a JSON object");
        }
        if (fields.method == null || fields.method.isBlank()) {
            throw new MalformedEventException("has no httpMethod");
        }
        return new ScoringRequest(fields.method, headers(fields.multiValueHeaders, fields.headers),
                body(fields), timeRemaining);
    }

    /** What the event says, read in one streaming pass, the body decoded from the event's bytes. */
    private static final class Fields {
        String method;
        JsonNode headers;
        JsonNode multiValueHeaders;
        /** Null when the body is absent or null. */
        byte[] body;
        boolean bodyNotText;
        boolean bodyNotValid;
        JsonToken base64;
    }

    /**
     * The fields the handler reads; null when the event is not an object. Every token is read (the whole event must be
     * JSON) except the body string's: the body is decoded straight from the event's bytes, and the parser goes on
     * from just after it, so the event's one large value is read once.
     */
    private static Fields fields(ObjectMapper json, byte[] bytes) throws IOException {
        JsonParser parser = json.createParser(bytes);
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                while (parser.nextToken() != null) {
                    // still the whole event must be JSON, as for any other event
                }
                return null;
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "httpMethod" -> fields.method = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "headers" -> fields.headers = parser.readValueAsTree();
                    case "multiValueHeaders" -> fields.multiValueHeaders = parser.readValueAsTree();
                    case "body" -> {
                        fields.bodyNotText = value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL;
                        fields.body = null;
                        if (value == JsonToken.VALUE_STRING) {
                            JsonStringBytes.Decoded body;
                            try {
                                body = JsonStringBytes.decodeInPlace(bytes, (int) parser.currentTokenLocation()
                                        .getByteOffset());
                            } catch (IllegalArgumentException e) {
                                fields.bodyNotValid = true;
                                parser.skipChildren();
                                continue;
                            }
                            fields.body = body.bytes();
                            parser.close();
                            parser = rest(json, bytes, body.closingQuote() + 1);
                            parser.nextToken(); // the rest's START_OBJECT
                            parser.nextToken(); // the placeholder's name
                            parser.nextToken(); // and value: the body's place
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "isBase64Encoded" -> {
                        fields.base64 = value;
                        parser.skipChildren();
                    }
                    default -> parser.skipChildren();
                }
            }
            return fields;
        } finally {
            parser.close();
        }
    }

    /** The event after the body: an object again, a placeholder member standing where the body was. */
    private static JsonParser rest(ObjectMapper json, byte[] event, int from) throws IOException {
        byte[] rest = new byte[PLACEHOLDER.length + event.length - from];
        System.arraycopy(PLACEHOLDER, 0, rest, 0, PLACEHOLDER.length);
        System.arraycopy(event, from, rest, PLACEHOLDER.length, event.length - from);
        return json.createParser(rest);
    }

    /**
     * API Gateway sends every header in {@code multiValueHeaders} and the last value of each in {@code headers};
     * either may be null. Names are kept as sent: {@link HttpHeaders} looks them up in any case.
     */
    private static HttpHeaders headers(JsonNode multiValueHeaders, JsonNode headers) throws MalformedEventException {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode multi = object(multiValueHeaders, "multiValueHeaders");
        if (multi != null) {
            for (Map.Entry<String, JsonNode> header : multi.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (header.getValue().isArray()) {
                    header.getValue().forEach(value -> addText(values, value));
                } else {
                    addText(values, header.getValue());
                }
            }
        }
        JsonNode single = object(headers, "headers");
        if (single != null) {
            for (Map.Entry<String, JsonNode> header : single.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (values.isEmpty()) {
                    addText(values, header.getValue());
                }
            }
        }
        return HttpHeaders.ofMulti(merged);
    }

    private static void addText(List<String> values, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            values.add(value.asText());
        }
    }

    private static JsonNode object(JsonNode node, String field) throws MalformedEventException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedEventException("has a " + field + " field that is not a JSON object");
        }
        return node;
    }

    /** The body as sent, base64 undone; it may still be gzip, which the scorer handles. */
    private static byte[] body(Fields fields) throws MalformedEventException {
        if (fields.body == null && !fields.bodyNotText && !fields.bodyNotValid) {
            return new byte[0];
        }
        if (fields.bodyNotText) {
            throw new MalformedEventException("has a body that is not a JSON string");
        }
        if (fields.base64 != null && fields.base64 != JsonToken.VALUE_NULL && fields.base64 != JsonToken.VALUE_TRUE
                && fields.base64 != JsonToken.VALUE_FALSE) {
            throw new MalformedEventException("has an isBase64Encoded field that is not true or false");
        }
        if (fields.bodyNotValid) {
            throw new MalformedEventException("has a body string that is not valid JSON");
        }
        if (fields.base64 == JsonToken.VALUE_TRUE) {
            try {
                return Base64.getDecoder().decode(fields.body);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("says isBase64Encoded but its body is not valid base64");
            }
        }
        return fields.body;
    }
}
