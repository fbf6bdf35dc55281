package dev.sqlscore.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.sqlscore.scoring.BatchScorer;
import java.util.function.Consumer;

/** The Lambda handler around any scorer, for tests outside this package (fuzzing, fault injection, log checks). */
public final class TestHandlers {

    private TestHandlers() {
    }

    public static RequestStreamHandler over(BatchScorer scorer, Consumer<String> logSink) {
        return new ExternalFunctionHandler(scorer, logSink);
    }
}
