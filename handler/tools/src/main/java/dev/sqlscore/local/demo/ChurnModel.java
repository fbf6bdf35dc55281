package dev.sqlscore.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A toy model for the offline demo, not a trained one: a fixed logistic regression over the 13 features of the
 * seed's churn example ({@code SAGEMAKER_INVOKE(ARRAY_CONSTRUCT(-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0))}).
 * It answers like a typical SageMaker container: {@code text/csv} rows in (no header), one churn probability per
 * line out, or with {@code Accept: application/json} {@code {"predictions": [{"score": p, "predicted_label": 0|1}]}}.
 */
public final class ChurnModel implements Model {

    public static final int FEATURES = 13;
    /** Longest piece of a rejected value quoted back: enough to recognise it. */
    private static final int QUOTED_CHARS = 40;

    /** Made-up weights; only their signs are meant to look plausible. */
    private static final double[] WEIGHTS =
            {0.85, -0.62, 1.10, 0.35, -0.74, 0.48, 0.52, -0.31, 0.44, -0.58, 0.27, 0.91, -0.66};
    private static final double BIAS = -0.4;
    private static final String EXAMPLES = "churn-examples.csv";

    /** A model answer: its media type and body. */
    public record Answer(String contentType, byte[] body) {
    }

    private final Consumer<String> complaints;

    /** A model that answers 400 to what it cannot read, without saying more (as a real container would). */
    public ChurnModel() {
        this(message -> { });
    }

    /**
     * @param complaints told why a request was refused (which row, which column, what was there), in plain words: it
     *                   is not SageMaker, so it can say so on the terminal that runs it
     */
    public ChurnModel(Consumer<String> complaints) {
        this.complaints = Objects.requireNonNull(complaints, "complaints");
    }

    /** A handful of example rows, the seed's first, as CSV (one row of 13 features per line). */
    public static String exampleRows() {
        try (InputStream in = ChurnModel.class.getResourceAsStream(EXAMPLES)) {
            return new String(Objects.requireNonNull(in, EXAMPLES).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As a model container behind the local SageMaker-protocol server. */
    @Override
    public Reply invoke(Invocation invocation) {
        if (!invocation.request().contentType().toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            String problem = "this model reads text/csv, not " + invocation.request().contentType();
            complaints.accept("demo model refused a request: " + problem + " (set the function's content type, "
                    + "--content-type or sagemaker-content-type, to text/csv)");
            return Reply.containerError(415, problem);
        }
        try {
            Answer answer = predict(invocation.request().body(), invocation.request().accept());
            return new Reply.ContainerAnswer(200, answer.contentType(), answer.body());
        } catch (IllegalArgumentException e) {
            complaints.accept("demo model refused a request: " + e.getMessage() + ". It takes " + FEATURES
                    + " numbers per row, as text/csv without a header, e.g. " + exampleRows().lines().findFirst()
                    .orElse(""));
            return Reply.containerError(400, e.getMessage());
        }
    }

    /** The probability of churn for one row of features. */
    public static double score(double[] features) {
        if (features.length != FEATURES) {
            throw new IllegalArgumentException("expected " + FEATURES + " features per row, got " + features.length);
        }
        double z = BIAS;
        for (int i = 0; i < FEATURES; i++) {
            z += WEIGHTS[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Scores a CSV body.
     *
     * @param accept the media type asked for: {@code application/json} or anything else for CSV
     * @throws IllegalArgumentException for a row that is not 13 numbers (a container answers 400 then)
     */
    public static Answer predict(byte[] csv, String accept) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r?\n");
        boolean json = accept != null && accept.toLowerCase(Locale.ROOT).startsWith("application/json");
        StringBuilder csvOut = new StringBuilder();
        ObjectNode jsonOut = JsonNodeFactory.instance.objectNode();
        ArrayNode predictions = jsonOut.putArray("predictions");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            double score = score(features(lines[i], i));
            if (json) {
                predictions.addObject().put("score", round(score)).put("predicted_label", score >= 0.5 ? 1 : 0);
            } else {
                csvOut.append(round(score)).append('\n');
            }
        }
        if (!json) {
            return new Answer("text/csv", csvOut.toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new Answer("application/json", LocalJson.MAPPER.writeValueAsBytes(jsonOut));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows and features are counted from 0 in messages, as Snowflake numbers rows and array elements. */
    private static double[] features(String line, int rowIndex) {
        String[] fields = line.split(",", -1);
        if (fields.length != FEATURES) {
            throw new IllegalArgumentException("row index " + rowIndex + " of the request has " + fields.length
                    + (fields.length == 1 ? " value" : " values") + ", not " + FEATURES);
        }
        double[] features = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            try {
                features[i] = Double.parseDouble(fields[i].strip());
            } catch (NumberFormatException e) {
                String value = fields[i].length() > QUOTED_CHARS ? fields[i].substring(0, QUOTED_CHARS) + "..."
                        : fields[i];
                throw new IllegalArgumentException("row index " + rowIndex + " of the request, feature index " + i
                        + ": '" + value + "' is not a number" + (rowIndex == 0 ? " (a header row?)" : ""));
            }
        }
        return features;
    }

    private static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }
}
