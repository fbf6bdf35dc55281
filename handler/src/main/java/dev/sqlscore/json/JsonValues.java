package dev.sqlscore.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link JsonValue}s from a Jackson stream, numbers kept as their literal text. */
public final class JsonValues {

    /** The longest string a document may hold: as long as the largest request body the handler reads. */
    public static final int MAX_STRING_BYTES = 64 * 1024 * 1024;

    /**
     * Strings may be as long as a whole body (Jackson's default cap is 20 M chars); depth and number length
     * keep Jackson's defaults, which also bound the recursion in {@link #read}.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_BYTES).build())
            .build();

    private JsonValues() {
    }

    /** The value that starts at the parser's current token; leaves the parser on the value's last token. */
    public static JsonValue read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("no value");
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.NumberValue(parser.getText());
            case VALUE_STRING -> new JsonValue.StringValue(parser.getText());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            case START_ARRAY -> new JsonValue.ArrayValue(readElements(parser));
            case START_OBJECT -> readObject(parser);
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** The elements of the array whose START_ARRAY is the current token; ends on its END_ARRAY. */
    public static List<JsonValue> readElements(JsonParser parser) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(read(parser));
        }
        return elements;
    }

    private static JsonValue readObject(JsonParser parser) throws IOException {
        List<JsonValue.Member> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.add(new JsonValue.Member(name, read(parser)));
        }
        return new JsonValue.ObjectValue(members);
    }
}
