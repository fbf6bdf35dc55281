package dev.sqlscore.snowflake;

import dev.sqlscore.json.JsonValue;
import dev.sqlscore.payload.EncodedRows;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch as the scorer needs it: every row's number in order, which rows had no input, and the others already
 * encoded for the model. No per-value objects: the rows went from the request's tokens straight into
 * {@link #encoded()}.
 *
 * @param rowNumbers Snowflake's row numbers, in the order of the batch
 * @param noInput    ascending indexes (into {@code rowNumbers}) of rows answered NULL without the model
 * @param encoded    the rows with input, in order
 */
public record ParsedBatch(long[] rowNumbers, int[] noInput, EncodedRows encoded) {

    public int size() {
        return rowNumbers.length;
    }

    /** Whether any row goes to the model. */
    public boolean hasInput() {
        return encoded.count() > 0;
    }

    /**
     * The answer to Snowflake: every row in order, the model's values for the rows with input, NULL for the others.
     *
     * @param scored one value per row with input, in order
     */
    public byte[] answer(List<JsonValue> scored) {
        return SnowflakeAnswer.data(rowNumbers, withNulls(rowNumbers.length, noInput, scored));
    }

    /** {@code scored} with NULL at each index of {@code noInput}: one value per row. */
    public static List<JsonValue> withNulls(int rows, int[] noInput, List<JsonValue> scored) {
        if (noInput.length == 0) {
            return scored;
        }
        List<JsonValue> values = new ArrayList<>(rows);
        int nextEmpty = 0;
        int nextScored = 0;
        for (int i = 0; i < rows; i++) {
            if (nextEmpty < noInput.length && noInput[nextEmpty] == i) {
                values.add(JsonValue.NULL);
                nextEmpty++;
            } else {
                values.add(scored.get(nextScored++));
            }
        }
        return values;
    }

    /**
     * Snowflake's row numbers of rows sent to the model, given as indexes of those rows (ascending): at most
     * {@code max} of them.
     */
    public long[] rowNumbersOfEncoded(int[] encodedIndexes, int max) {
        long[] numbers = new long[Math.min(max, encodedIndexes.length)];
        int encoded = -1;
        int nextEmpty = 0;
        int wanted = 0;
        for (int i = 0; i < rowNumbers.length && wanted < numbers.length; i++) {
            if (nextEmpty < noInput.length && noInput[nextEmpty] == i) {
                nextEmpty++;
                continue;
            }
            encoded++;
            if (encoded == encodedIndexes[wanted]) {
                numbers[wanted++] = rowNumbers[i];
            }
        }
        return numbers;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "ParsedBatch[rows=" + rowNumbers.length + ", noInput=" + noInput.length + ", " + encoded + "]";
    }
}
