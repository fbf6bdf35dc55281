package dev.sqlscore.snowflake;

import dev.sqlscore.json.JsonValue;
import java.util.List;

/**
 * One row of a Snowflake batch.
 *
 * @param rowNumber the number Snowflake gave the row, echoed in the answer
 * @param features  the values sent to the model, in order
 */
public record Row(long rowNumber, List<JsonValue> features) {

    public Row {
        features = List.copyOf(features);
    }

    /**
     * False when there is nothing to score: no features, or only NULLs ({@code F(NULL)},
     * {@code F(ARRAY_CONSTRUCT())}). Such a row cannot be written as a CSV line (an empty line is skipped by most
     * readers, which would shift every later answer), so it is answered NULL without reaching the model, as
     * {@code RETURNS NULL ON NULL INPUT} would have done.
     */
    public boolean hasInput() {
        for (JsonValue feature : features) {
            if (!(feature instanceof JsonValue.NullValue)) {
                return true;
            }
        }
        return false;
    }

    /** Counts only: the features are row data. */
    @Override
    public String toString() {
        return "Row[rowNumber=" + rowNumber + ", features=" + features.size() + "]";
    }
}
