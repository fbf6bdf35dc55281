package dev.sqlscore.snowflake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.sqlscore.errors.InvalidBatchException;
import dev.sqlscore.errors.PayloadTooLargeException;
import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.json.JsonValue;
import dev.sqlscore.json.JsonValues;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.PayloadFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Null for {@link #parse(byte[])}, which keeps every value; else rows are encoded as they are read. */
    private final PayloadFormat format;
    private final byte[] source;
    private final List<Row> rows = new ArrayList<>();
    private long[] rowNumbers;
    private int count;
    /** Built only once row numbers stop ascending (Snowflake sends them 0, 1, 2, ...). */
    private Map<Long, Integer> indexByRowNumber;
    private boolean inData;
    private ByteBuilder encoded;
    private int[] offsets;
    private int encodedCount;
    private int[] noInput = new int[8];
    private int noInputCount;

    private BatchParser(PayloadFormat format, byte[] source) {
        this.format = format;
        this.source = source;
        // A first guess at the row count (a row of a dozen features takes 60 bytes or more); more rows regrow.
        int expectedRows = Math.min(MAX_ROWS, 16 + source.length / 64);
        rowNumbers = new long[expectedRows];
        if (format != null) {
            encoded = new ByteBuilder(source.length);
            offsets = new int[expectedRows + 1];
        }
    }

    /**
     * @param json the decoded body (see {@link RequestBody#decode})
     * @return the rows in the order received
     * @throws InvalidBatchException saying what is wrong and at which row index
     */
    public static List<Row> parse(byte[] json) {
        BatchParser batchParser = new BatchParser(null, json);
        batchParser.run();
        return List.copyOf(batchParser.rows);
    }

    /**
     * Reads the batch and encodes each row with input for the model as it goes, without keeping its values: the
     * rows as {@link #parse(byte[])} would read them, written as {@link EncodedRows#encode} would write them.
     *
     * @param json the decoded body (see {@link RequestBody#decode})
     * @throws InvalidBatchException as {@link #parse(byte[])}
     */
    public static ParsedBatch parse(byte[] json, PayloadFormat format) {
        ParsedBatch plain = PlainBatchScanner.scan(json, Objects.requireNonNull(format, "format"));
        if (plain != null) {
            return plain;
        }
        BatchParser batchParser = new BatchParser(Objects.requireNonNull(format, "format"), json);
        batchParser.run();
        return new ParsedBatch(Arrays.copyOf(batchParser.rowNumbers, batchParser.count),
                Arrays.copyOf(batchParser.noInput, batchParser.noInputCount),
                EncodedRows.of(format, batchParser.encoded, batchParser.offsets, batchParser.encodedCount));
    }

    private void run() {
        BatchParser batchParser = this;
        try (JsonParser parser = JsonValues.FACTORY.createParser(source)) {
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
            int index = count;
            if (index == MAX_ROWS) {
                throw new PayloadTooLargeException("The batch has more than " + MAX_ROWS + " rows, the handler's "
                        + "limit per batch; lower MAX_BATCH_ROWS on the external function so Snowflake sends smaller "
                        + "batches");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new InvalidBatchException("Row at index " + index + " must be a JSON array [row_number, arg1, "
                        + "...], got " + describe(token));
            }
            long rowStart = parser.currentTokenLocation().getByteOffset();
            long rowNumber = readRowNumber(parser, index);
            if (format == null) {
                List<JsonValue> arguments = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    arguments.add(JsonValues.read(parser));
                }
                rows.add(new Row(rowNumber, RowShape.features(arguments)));
            } else {
                encodeRow(parser, index, rowStart);
            }
            count++;
        }
        inData = false;
    }

    /**
     * Writes the row's features straight from its tokens when they are plain values (numbers, strings, booleans,
     * NULL), the arguments or the elements of one ARRAY argument, which is the row Snowflake sends. Any other row
     * (nested values, an array argument among others, a string that may hold an array) is read whole, once its
     * JSON is known to be complete, and written from its values: the same bytes either way.
     */
    private void encodeRow(JsonParser parser, int index, long rowStart) throws IOException {
        int mark = encoded.size();
        format.startRow(encoded);
        int arguments = 0;
        int features = 0;
        boolean input = false;
        boolean arrayArgument = false;
        boolean maybeArrayText = false;
        boolean plain = true;
        JsonToken token;
        while (plain && (token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (arrayArgument) {
                plain = false; // an array among other arguments is a nested value
            } else if (token == JsonToken.START_ARRAY && arguments == 0) {
                arrayArgument = true;
                JsonToken element;
                while (plain && (element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    plain = writePlain(parser, element, features++);
                    input |= plain && element != JsonToken.VALUE_NULL;
                }
                if (!plain) {
                    skipToEnd(parser); // to the array argument's end,
                    parser.nextToken(); // and past it: the rest of the row is skipped below
                }
            } else {
                maybeArrayText |= arguments == 0 && token == JsonToken.VALUE_STRING
                        && parser.getText().stripLeading().startsWith("[");
                plain = writePlain(parser, token, features++);
                input |= plain && token != JsonToken.VALUE_NULL;
            }
            arguments++;
        }
        if (!plain) {
            skipToEnd(parser); // out of the row
        }
        if (!plain || maybeArrayText && arguments == 1) {
            encoded.truncate(mark);
            input = writeFromValues(index, rowStart, parser.currentTokenLocation().getByteOffset() + 1);
        } else {
            format.endRow(encoded);
        }
        if (input) {
            if (encodedCount + 1 == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[++encodedCount] = encoded.size();
        } else {
            encoded.truncate(mark);
            if (noInputCount == noInput.length) {
                noInput = Arrays.copyOf(noInput, noInput.length * 2);
            }
            noInput[noInputCount++] = index;
        }
    }

    /** A plain value as the next feature; false, writing nothing, for a nested one. */
    private boolean writePlain(JsonParser parser, JsonToken token, int feature) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                separate(feature);
                format.writeNumber(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(),
                        encoded);
            }
            case VALUE_STRING -> {
                separate(feature);
                format.writeValue(new JsonValue.StringValue(parser.getText()), encoded);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                separate(feature);
                format.writeBoolean(token == JsonToken.VALUE_TRUE, encoded);
            }
            case VALUE_NULL -> {
                separate(feature);
                format.writeNull(encoded);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void separate(int feature) {
        if (feature > 0) {
            encoded.append((byte) ',');
        }
    }

    /** From inside an array (on any token of it) to its END_ARRAY, nested values skipped whole. */
    private static void skipToEnd(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        while (token != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                parser.skipChildren();
            }
            token = parser.nextToken();
        }
    }

    /** The row at {@code [start, end)} of the source, read into values and written from them; whether it has input. */
    private boolean writeFromValues(int index, long start, long end) throws IOException {
        List<JsonValue> arguments = new ArrayList<>();
        try (JsonParser row = JsonValues.FACTORY.createParser(source, (int) start, (int) (end - start))) {
            row.nextToken(); // the row's START_ARRAY
            row.nextToken(); // its row number, already read
            while (row.nextToken() != JsonToken.END_ARRAY) {
                arguments.add(JsonValues.read(row));
            }
        }
        Row parsed = new Row(rowNumbers[index], RowShape.features(arguments));
        if (!parsed.hasInput()) {
            return false;
        }
        format.writeRow(parsed.features(), encoded);
        return true;
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
        if (indexByRowNumber == null && index > 0 && rowNumber <= rowNumbers[index - 1]) {
            indexByRowNumber = new HashMap<>();
            for (int i = 0; i < index; i++) {
                indexByRowNumber.put(rowNumbers[i], i);
            }
        }
        if (indexByRowNumber != null) {
            Integer earlier = indexByRowNumber.putIfAbsent(rowNumber, index);
            if (earlier != null) {
                throw new InvalidBatchException("Row at index " + index + " repeats row number " + rowNumber
                        + " of the row at index " + earlier + "; row numbers must be unique within a batch");
            }
        }
        if (index == rowNumbers.length) {
            rowNumbers = Arrays.copyOf(rowNumbers, rowNumbers.length * 2);
        }
        rowNumbers[index] = rowNumber;
        return rowNumber;
    }

    private InvalidBatchException invalid(String problem, Exception cause) {
        String where = inData ? " (in the row at index " + count + ")" : "";
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
