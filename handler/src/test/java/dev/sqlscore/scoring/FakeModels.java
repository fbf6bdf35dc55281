package dev.sqlscore.scoring;

import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Model answers for fake invokers: the scorer's tests reason about rows, not bytes. */
public final class FakeModels {

    private FakeModels() {
    }

    /** The request's CSV records, one per row. */
    static List<String> csvLines(ModelRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8).lines().toList();
    }

    /** A CSV model that answers each row with its first feature. */
    public static ModelResponse firstFeature(ModelRequest request) {
        StringBuilder answer = new StringBuilder();
        for (String line : csvLines(request)) {
            int comma = line.indexOf(',');
            answer.append(comma < 0 ? line : line.substring(0, comma)).append('\n');
        }
        return new ModelResponse("text/csv", answer.toString().getBytes(StandardCharsets.UTF_8));
    }
}
