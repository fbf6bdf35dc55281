package dev.sqlscore.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.client.RowReader;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;

/** Rows for the toy churn model, and the check that each came back with its own score, in order. */
public final class ChurnScores {

    private ChurnScores() {
    }

    /** {@code count} rows of 13 features, seeded, each feature written by {@code text}. */
    public static List<JsonNode> rows(int count, long seed, DoubleFunction<String> text) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < count; row++) {
            for (int feature = 0; feature < ChurnModel.FEATURES; feature++) {
                csv.append(feature == 0 ? "" : ",").append(text.apply(random.nextGaussian()));
            }
            csv.append('\n');
        }
        return RowReader.read(csv.toString(), RowReader.Format.CSV, false);
    }

    /** Seed-like rows with three decimals. */
    public static List<JsonNode> rows(int count) {
        return rows(count, 42, feature -> Double.toString(Math.round(feature * 1000) / 1000.0));
    }

    /** One value per row, each the model's score of that row. */
    public static void assertScores(List<JsonNode> rows, List<JsonNode> values) {
        assertEquals(rows.size(), values.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] features = new double[ChurnModel.FEATURES];
            for (int f = 0; f < features.length; f++) {
                features[f] = Double.parseDouble(rows.get(i).get(f).toString());
            }
            assertEquals(ChurnModel.score(features), values.get(i).asDouble(), 1e-6, "row " + i);
        }
    }
}
