package dev.sqlscore.snowflake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.json.JsonValues;
import java.io.IOException;
import java.util.List;

/**
 * Which values of a row are the model's features. {@code F(ARRAY_CONSTRUCT(a, b, c))} sends one argument
 * holding an array: its elements are the features. {@code F(a, b, c)} sends several arguments: they are.
 */
final class RowShape {

    private RowShape() {
    }

    static List<JsonValue> features(List<JsonValue> arguments) {
        if (arguments.size() != 1) {
            return arguments;
        }
        JsonValue only = arguments.get(0);
        if (only instanceof JsonValue.ArrayValue array) {
            return array.elements();
        }
        // Snowflake documents an ARRAY argument as a JSON array, but whether it can arrive serialized as a
        // string is unconfirmed: accept a string that is, in full, one JSON array. Any other string is a value.
        if (only instanceof JsonValue.StringValue string && string.value().stripLeading().startsWith("[")) {
            List<JsonValue> elements = parseArray(string.value());
            if (elements != null) {
                return elements;
            }
        }
        return arguments;
    }

    /** The elements when {@code text} is exactly one JSON array, else null. */
    private static List<JsonValue> parseArray(String text) {
        try (JsonParser parser = JsonValues.FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<JsonValue> elements = JsonValues.readElements(parser);
            return parser.nextToken() == null ? elements : null;
        } catch (IOException e) {
            return null;
        }
    }
}
