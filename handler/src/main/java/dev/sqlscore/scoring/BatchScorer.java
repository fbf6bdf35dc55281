package dev.sqlscore.scoring;

/**
 * Answers one Snowflake batch: parse, resolve the function's settings, cut into chunks, invoke the model
 * for each chunk in parallel under the deadline, decode, reassemble in row order. Never throws: every
 * failure becomes a {@link ScoringResponse} with the status Snowflake should act on.
 */
public final class BatchScorer {
    // Implemented in the core work item (issue 2). API fixed here so the shells can be built against it:
    //   BatchScorer.builder().config(ScoringConfig).invoker(ModelInvoker).logSink(Consumer<String>).build()
    //   ScoringResponse score(ScoringRequest)
}
