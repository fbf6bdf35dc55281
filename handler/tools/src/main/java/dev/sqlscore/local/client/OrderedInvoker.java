package dev.sqlscore.local.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams rows through an external function: reads them as batches are needed, keeps a bounded window of batches
 * in flight, and hands each batch's answers to the sink as soon as every earlier batch has been handed over, so the
 * output is always the input's first rows, in order, with no gap. It stops at the first batch that fails for good
 * or the first input line that cannot be read, after handing over everything before it; the outcome says how many
 * rows were handed over, which is where a later run resumes. Memory is bounded by the window, whatever the input.
 */
public final class OrderedInvoker {

    /** Where answers go, a batch at a time, in input order. */
    @FunctionalInterface
    public interface Sink {
        void accept(List<JsonNode> values);
    }

    /** How a run ended. */
    public sealed interface Outcome {
        /** Rows handed to the sink, from the first row read. */
        long rowsWritten();

        record Completed(long rowsWritten) implements Outcome {
        }

        /** A batch failed for good; rows after {@code rowsWritten} were not handed over. */
        record BatchFailed(long rowsWritten, ExternalFunctionException cause) implements Outcome {
        }

        /** An input line could not be read; every row before it was handed over. */
        record BadInput(long rowsWritten, InputFormatException cause) implements Outcome {
        }
    }

    private final ExternalFunctionClient client;
    private final int maxBatchRows;
    private final int concurrency;

    private OrderedInvoker(ExternalFunctionClient client, int maxBatchRows, int concurrency) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxBatchRows < 1 || concurrency < 1) {
            throw new IllegalArgumentException("maxBatchRows and concurrency must be at least 1, got " + maxBatchRows
                    + " and " + concurrency);
        }
        this.maxBatchRows = maxBatchRows;
        this.concurrency = concurrency;
    }

    /**
     * @param maxBatchRows most rows per batch, like the function's {@code MAX_BATCH_ROWS}
     * @param concurrency  most batches on the wire at once; twice as many may wait, answered, for an earlier one
     */
    public static OrderedInvoker of(ExternalFunctionClient client, int maxBatchRows, int concurrency) {
        return new OrderedInvoker(client, maxBatchRows, concurrency);
    }

    /**
     * @param firstRow the number of the first row {@code rows} gives (rows already skipped), so that messages
     *                 name rows as the input counts them, from 0
     */
    public Outcome run(RowReader rows, long firstRow, Sink sink) throws InterruptedException {
        record InFlight(SnowflakeBatch batch, Future<JsonNode[]> answer) {
        }
        Deque<InFlight> window = new ArrayDeque<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "invoke-batch");
            thread.setDaemon(true);
            return thread;
        });
        long written = 0;
        long read = firstRow;
        int batches = 0;
        InputFormatException badInput = null;
        try {
            while (true) {
                while (badInput == null && window.size() < 2 * concurrency) {
                    List<JsonNode> arguments = new ArrayList<>();
                    try {
                        for (RowReader.Row row; arguments.size() < maxBatchRows && (row = rows.next()) != null; ) {
                            arguments.add(row.argument());
                        }
                    } catch (InputFormatException e) {
                        badInput = e;
                    }
                    if (arguments.isEmpty()) {
                        break;
                    }
                    SnowflakeBatch batch = new SnowflakeBatch(batches++, Math.toIntExact(read), arguments);
                    read += arguments.size();
                    window.addLast(new InFlight(batch, pool.submit(() -> client.send(batch))));
                    if (arguments.size() < maxBatchRows) {
                        break;
                    }
                }
                InFlight head = window.pollFirst();
                if (head == null) {
                    return badInput == null ? new Outcome.Completed(written)
                            : new Outcome.BadInput(written, badInput);
                }
                try {
                    sink.accept(Arrays.asList(head.answer().get()));
                    written += head.batch().size();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ExternalFunctionException failed) {
                        return new Outcome.BatchFailed(written, failed);
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
