package dev.sqlscore.scoring;

import dev.sqlscore.model.ModelInvocationException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch's row isolation, shared by its chunks (which run in parallel): the extra model calls left in its budget
 * and the rows found refused, as indexes of the rows sent to the model.
 */
final class Refusals {

    private final int budget;
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentSkipListSet<Integer> rows = new ConcurrentSkipListSet<>();

    Refusals(int budget) {
        this.budget = budget;
    }

    /** Takes one extra call from the budget; false when none is left. */
    boolean takeCall() {
        if (calls.incrementAndGet() > budget) {
            calls.decrementAndGet();
            return false;
        }
        return true;
    }

    int extraCalls() {
        return calls.get();
    }

    void refused(int row) {
        rows.add(row);
    }

    /** The refused rows, ascending. */
    int[] rows() {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The batch fails as without isolation (the model refused the input), saying how far isolation got and why. */
    ModelInvocationException stopped(String why, int rowsSent) {
        return new ModelInvocationException(ModelInvocationException.Failure.MODEL_REJECTED_INPUT, "The model refused "
                + "the input, and isolating the rows it refuses stopped: " + why + ". " + progress(rowsSent)
                + " Fix the refused rows, or send smaller batches (MAX_BATCH_ROWS) so fewer calls find them.");
    }

    /** The deadline passed during isolation: a 504, which Snowflake retries, saying how far isolation got. */
    DeadlineExceededException outOfTime(Deadline deadline) {
        return new DeadlineExceededException(deadline.budgetMillis(), " Isolating the rows the model refuses "
                + "(sagemaker-on-row-error = null) was still going: " + rows.size() + " refused rows found in "
                + calls.get() + " extra model calls.");
    }

    private String progress(int rowsSent) {
        return rows.size() + " of " + rowsSent + " rows were isolated as refused, in " + calls.get()
                + " extra model calls.";
    }
}
