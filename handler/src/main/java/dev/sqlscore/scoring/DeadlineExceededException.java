package dev.sqlscore.scoring;

import dev.sqlscore.errors.ProtocolException;

/**
 * The batch ran out of time. A 504 makes Snowflake retry the batch, which is what a slow moment wants;
 * the message says what to change when every try is too slow.
 */
public final class DeadlineExceededException extends ProtocolException {

    public static final String CODE = "DEADLINE_EXCEEDED";

    public DeadlineExceededException(long deadlineMillis) {
        this(deadlineMillis, "");
    }

    /** @param detail what the batch was doing when time ran out, appended to the message */
    public DeadlineExceededException(long deadlineMillis, String detail) {
        super(504, CODE, "The batch took longer than its " + deadlineMillis + " ms deadline; lower MAX_BATCH_ROWS "
                + "on the external function or raise " + ScoringConfig.ENV_DEADLINE_MILLIS + " (keep it below API "
                + "Gateway's integration timeout and the Lambda function's timeout)." + detail);
    }
}
