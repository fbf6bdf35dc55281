package dev.sqlscore.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Snowflake's batch {@code {"data": [[row_number, arg1, ...], ...]}} in one streaming pass. Errors
 * name the row by its index in {@code data}, never by its values.
 */
public final class BatchParser {

    /**
     * Most rows in one batch: far above the batch sizes Snowflake picks. Per-row overhead makes many tiny rows
     * the most heap per byte of body (a 12-byte row {@code [7,0.5]} takes about 200 bytes once parsed, 16 times
     * its size), so this caps that case at about 20 MB whatever the body limit allows.
     */
    public static final int MAX_ROWS = 100_000;

    private static final String SHAPE = "{\"data\": [[row_number, arg1, ...], ...]}";

    private final List<Row> rows = new ArrayList<>();
    private final Map<Long, Integer> indexByRowNumber = new HashMap<>();
    private boolean inData;

    private BatchParser() {
    }

    /**
     * @param json the decoded body (see {@link RequestBody#decode})
     * @return the rows in the order received
     * @throws InvalidBatchException saying what is wrong and at which row index
     */
    public static List<Row> parse(byte[] json) {
        BatchParser batchParser = new BatchParser();
        try (JsonParser parser = JsonValues.FACTORY.createParser(json)) {
            batchParser.readBody(parser);
        } catch (StreamConstraintsException e) {
            throw batchParser.invalid("exceeds a parser limit (" + e.getOriginalMessage() + ")", e);
        } catch (JsonEOFException e) {
            throw batchParser.invalid("ends before its JSON is complete", e);
        } catch (JsonProcessingException e) {
            throw batchParser.invalid("is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw batchParser.invalid("could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return List.copyOf(batchParser.rows);
    }

    private void readBody(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new InvalidBatchException("The request body is empty; Snowflake sends " + SHAPE);
        }
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidBatchException("The request body must be a JSON object " + SHAPE + ", got "
                    + describe(token));
        }
        boolean sawData = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"data".equals(name)) {
                // Snowflake documents only "data"; tolerate keys a later protocol version might add.
                parser.skipChildren();
            } else if (sawData) {
                throw new InvalidBatchException("The request body has the key \"data\" twice; send it once");
            } else if (value != JsonToken.START_ARRAY) {
                throw new InvalidBatchException("\"data\" must be an array of rows " + SHAPE + ", got "
                        + describe(value));
            } else {
                sawData = true;
                readRows(parser);
            }
        }
        if (parser.nextToken() != null) {
            throw new InvalidBatchException("The request body has content after its JSON object; send one object "
                    + SHAPE);
        }
        if (!sawData) {
            throw new InvalidBatchException("The request body has no \"data\" key; Snowflake sends " + SHAPE);
        }
    }

    private void readRows(JsonParser parser) throws IOException {
        inData = true;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int index = rows.size();
            if (index == MAX_ROWS) {
                throw new PayloadTooLargeException("The batch has more than " + MAX_ROWS + " rows, the handler's "
                        + "limit per batch; lower MAX_BATCH_ROWS on the external function so Snowflake sends smaller "
                        + "batches");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new InvalidBatchException("Row at index " + index + " must be a JSON array [row_number, arg1, "
                        + "...], got " + describe(token));
            }
            long rowNumber = readRowNumber(parser, index);
            List<JsonValue> arguments = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                arguments.add(JsonValues.read(parser));
            }
            rows.add(new Row(rowNumber, RowShape.features(arguments)));
        }
        inData = false;
    }

    private long readRowNumber(JsonParser parser, int index) throws IOException {
        JsonToken token = parser.nextToken();
        String problem = null;
        if (token == JsonToken.END_ARRAY) {
            problem = "is empty";
        } else if (token != JsonToken.VALUE_NUMBER_INT) {
            problem = "starts with " + describe(token);
        } else if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            problem = "has a row number too large for a 64-bit integer";
        } else if (parser.getLongValue() < 0) {
            problem = "has a negative row number";
        }
        if (problem != null) {
            throw new InvalidBatchException("Row at index " + index + " " + problem
                    + "; each row must start with its row number, a non-negative integer");
        }
        long rowNumber = parser.getLongValue();
        Integer earlier = indexByRowNumber.putIfAbsent(rowNumber, index);
        if (earlier != null) {
            throw new InvalidBatchException("Row at index " + index + " repeats row number " + rowNumber
                    + " of the row at index " + earlier + "; row numbers must be unique within a batch");
        }
        return rowNumber;
    }

    private InvalidBatchException invalid(String problem, Exception cause) {
        String where = inData ? " (in the row at index " + rows.size() + ")" : "";
        return new InvalidBatchException("The request body " + problem + where + "; Snowflake sends " + SHAPE,
                cause);
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
