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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (fields.multiValueHeadersNotObject || fields.headersNotObject) {
            throw new MalformedEventException("has a " + (fields.multiValueHeadersNotObject ? "multiValueHeaders"
                    : "headers") + " field that is not a JSON object");
        }
        return new ScoringRequest(fields.method, headers(fields.multiValueHeaders, fields.headers),
                body(fields), timeRemaining);
    }

    /** What the event says, read in one streaming pass, the body decoded from the event's bytes. */
    private static final class Fields {
        String method;
        /** {@code headers}: each name as sent, its value as text (null when it has none); the last of a name wins. */
        Map<String, String> headers;
        /** {@code multiValueHeaders}: each name as sent, its values as text; the last of a name wins. */
        Map<String, List<String>> multiValueHeaders;
        /** The last {@code headers} is there but not an object (nor null). */
        boolean headersNotObject;
        /** The last {@code multiValueHeaders} is there but not an object (nor null). */
        boolean multiValueHeadersNotObject;
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
                    case "headers" -> {
                        fields.headersNotObject = notObject(parser, value);
                        fields.headers = fields.headersNotObject ? null : singleValues(parser, value);
                    }
                    case "multiValueHeaders" -> {
                        fields.multiValueHeadersNotObject = notObject(parser, value);
                        fields.multiValueHeaders = fields.multiValueHeadersNotObject ? null
                                : multiValues(parser, value);
                    }
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
     * either may be absent or null. Names are kept as sent: {@link HttpHeaders} looks them up in any case.
     */
    private static HttpHeaders headers(Map<String, List<String>> multiValueHeaders, Map<String, String> headers) {
        HttpHeaders.Builder merged = HttpHeaders.builder();
        if (multiValueHeaders != null) {
            multiValueHeaders.forEach((name, values) -> values.forEach(value -> merged.add(name, value)));
        }
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (value != null && !merged.has(name)) {
                    merged.add(name, value);
                }
            });
        }
        return merged.build();
    }

    /**
     * The {@code headers} object, read as it streams by: a name's value as text, or null when it is null or not a
     * scalar. Null for a null field.
     */
    private static Map<String, String> singleValues(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            headers.put(name, text(parser, parser.nextToken()));
        }
        return headers;
    }

    /** The {@code multiValueHeaders} object, as {@link #singleValues}: a name's array, or its one value. */
    private static Map<String, List<String>> multiValues(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            List<String> values = new ArrayList<>(1);
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    addText(values, parser, token);
                }
            } else {
                addText(values, parser, token);
            }
            headers.put(name, values);
        }
        return headers;
    }

    /** A header field that is neither an object nor null: skipped, for the event to be refused once it is read. */
    private static boolean notObject(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.VALUE_NULL) {
            return false;
        }
        parser.skipChildren();
        return true;
    }

    private static void addText(List<String> values, JsonParser parser, JsonToken token) throws IOException {
        String text = text(parser, token);
        if (text != null) {
            values.add(text);
        }
    }

    /**
     * A header value as text, as a JSON tree's {@code asText()} gives it: a string as it is, {@code true} or {@code
     * false}, a number as its node writes it; null for a JSON null or an object or array (skipped over).
     */
    private static String text(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.<JsonNode>readValueAsTree().asText();
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
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
