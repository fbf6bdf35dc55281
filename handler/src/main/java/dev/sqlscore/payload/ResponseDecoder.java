package dev.sqlscore.payload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sqlscore.errors.InvalidModelResponseException;
import dev.sqlscore.errors.Texts;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.json.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's answer into one value per row. The response's content type decides the reading when it
 * names JSON, JSON Lines or CSV; otherwise the body is sniffed. Messages name content types, counts and keys,
 * never values.
 */
public final class ResponseDecoder {

    /** Keys under which containers put their per-row answers, tried in this order. */
    public static final List<String> ANSWER_KEYS = List.of("predictions", "scores", "probabilities", "outputs");

    private enum Reading { JSON, JSON_LINES, CSV }

    private ResponseDecoder() {
    }

    /**
     * @param contentType  the content type the model declared, or null
     * @param body         the model's answer
     * @param expectedRows how many rows the request held
     * @throws InvalidModelResponseException when the body cannot be read or holds another number of answers
     */
    public static List<JsonValue> decode(String contentType, byte[] body, int expectedRows) {
        Reading reading = readingFor(contentType, body);
        List<JsonValue> values = switch (reading) {
            case CSV -> CsvReader.read(body, expectedRows);
            case JSON -> fromJson(body, contentType);
            case JSON_LINES -> fromJsonLines(body, contentType);
        };
        if (values.size() != expectedRows) {
            throw new InvalidModelResponseException("Expected " + expectedRows + " rows, model returned "
                    + values.size() + " (response " + describe(contentType) + " read as " + reading + "); check that "
                    + "the function's sagemaker-accept asks for, and sagemaker-content-type sends, formats in which "
                    + "the model answers one value per input row");
        }
        return values;
    }

    private static Reading readingFor(String contentType, byte[] body) {
        String type = MediaTypes.essence(contentType);
        if (type.contains("jsonlines") || type.contains("jsonl") || type.contains("ndjson")) {
            return Reading.JSON_LINES;
        }
        if (type.contains("json")) {
            return Reading.JSON;
        }
        if (type.contains("csv")) {
            return Reading.CSV;
        }
        return sniff(body);
    }

    /** JSON when the body starts like JSON; JSON Lines when one JSON value follows another. */
    private static Reading sniff(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || (body[first] != '{' && body[first] != '[')) {
            return Reading.CSV;
        }
        try (JsonParser parser = JsonValues.FACTORY.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null ? Reading.JSON : Reading.JSON_LINES;
        } catch (IOException e) {
            return Reading.JSON;
        }
    }

    private static List<JsonValue> fromJson(byte[] body, String contentType) {
        List<JsonValue> values = readValues(body, contentType, "JSON");
        if (values.size() > 1) {
            // Several top-level values are JSON Lines, whatever the container's declared content type says.
            return values;
        }
        JsonValue root = values.get(0);
        if (root instanceof JsonValue.ArrayValue array) {
            return array.elements();
        }
        if (root instanceof JsonValue.ObjectValue object) {
            for (String key : ANSWER_KEYS) {
                for (JsonValue.Member member : object.members()) {
                    if (member.name().equals(key) && member.value() instanceof JsonValue.ArrayValue array) {
                        return array.elements();
                    }
                }
            }
            // Its keys are not quoted: a model may key its answers by input values, which are row data.
            int keys = object.members().size();
            throw new InvalidModelResponseException("The model answered (" + describe(contentType) + ") a JSON "
                    + "object with " + keys + (keys == 1 ? " key" : " keys") + " but none of " + ANSWER_KEYS
                    + " holding an array; make the model answer with one of them, or a bare JSON array, or CSV "
                    + "with one line per row");
        }
        throw new InvalidModelResponseException("The model answered (" + describe(contentType) + ") a single JSON "
                + "scalar; expected an array, or an object with one of " + ANSWER_KEYS + " holding an array");
    }

    private static List<JsonValue> fromJsonLines(byte[] body, String contentType) {
        return readValues(body, contentType, "JSON Lines");
    }

    /** Every top-level JSON value of the body: whitespace, newlines and CRLF between them are skipped. */
    private static List<JsonValue> readValues(byte[] body, String contentType, String reading) {
        List<JsonValue> values = new ArrayList<>();
        try (JsonParser parser = JsonValues.FACTORY.createParser(body)) {
            while (parser.nextToken() != null) {
                values.add(JsonValues.read(parser));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidModelResponseException("The model's answer (" + describe(contentType) + ") is not valid "
                    + reading + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "; check the function's sagemaker-accept header", e);
        } catch (IOException e) {
            throw new InvalidModelResponseException("The model's answer (" + describe(contentType) + ") could not "
                    + "be read as " + reading + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (values.isEmpty()) {
            throw new InvalidModelResponseException("The model's answer (" + describe(contentType) + ") is empty");
        }
        return values;
    }

    private static String describe(String contentType) {
        return contentType == null ? "no content type" : "content type " + Texts.clip(contentType);
    }
}
