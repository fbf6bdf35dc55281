package dev.sqlscore.protocol;

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

    /** Counts only: the features are row data. */
    @Override
    public String toString() {
        return "Row[rowNumber=" + rowNumber + ", features=" + features.size() + "]";
    }
}
