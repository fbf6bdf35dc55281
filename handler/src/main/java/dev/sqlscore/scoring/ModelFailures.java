package dev.sqlscore.scoring;

import dev.sqlscore.model.ModelInvocationException;

/** Error codes for model-call failures, as Snowflake users see them in the error body. */
final class ModelFailures {

    private ModelFailures() {
    }

    static String errorCode(ModelInvocationException.Failure failure) {
        return switch (failure) {
            case THROTTLED -> "MODEL_THROTTLED";
            case UNAVAILABLE -> "MODEL_UNAVAILABLE";
            case TIMED_OUT -> DeadlineExceededException.CODE;
            case MODEL_REJECTED_INPUT -> "MODEL_REJECTED_INPUT";
            case INVALID_REQUEST -> "MODEL_REQUEST_INVALID";
            case ACCESS_DENIED -> "MODEL_ACCESS_DENIED";
        };
    }
}
