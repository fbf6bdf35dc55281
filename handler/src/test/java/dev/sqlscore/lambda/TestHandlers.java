package dev.sqlscore.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.sqlscore.scoring.BatchScorer;
import java.util.function.Consumer;

/** The Lambda handler's test seams, for tests and benchmarks outside this package. */
public final class TestHandlers {

    private TestHandlers() {
    }

    public static RequestStreamHandler over(BatchScorer scorer, Consumer<String> logSink) {
        return new ExternalFunctionHandler(scorer, logSink);
    }

    /** What SnapStart runs before its snapshot and after a restore; a plain JVM never runs it by itself. */
    public static void prime(RequestStreamHandler handler) {
        SnapStartPriming priming = ((ExternalFunctionHandler) handler).priming();
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
    }
}
