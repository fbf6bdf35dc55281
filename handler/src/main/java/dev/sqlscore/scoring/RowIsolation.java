package dev.sqlscore.scoring;

import dev.sqlscore.payload.RowRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which rows of a refused model request the model refuses on their own, found by bisection: a refused range is cut in
 * halves and the halves are tried; a range of one row the model refused when sent alone is a refused row. When the left
 * half of a refused range is answered, the right half must hold what was refused, so it is cut again without being
 * sent; a single row is only ever called refused after it was sent alone. Pure: the caller sends each range
 * {@link #next()} names and reports how it went.
 *
 * <p>Cost, for {@code r} refused rows among {@code n}: at most {@code 2 r log2(n) + 1} requests ({@link #maxCalls}).
 *
 * @param <T> one row's answer
 */
final class RowIsolation<T> {

    /** What is known of a range still to settle. */
    private enum Known { NOTHING, REFUSED, REFUSED_ALONE }

    private record Pending(RowRange range, Known known) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Integer, List<T>> answered = new TreeMap<>();
    private final List<Integer> refusedRows = new ArrayList<>();
    private final RowRange chunk;
    private Pending current;
    /** The right half waiting on the answer to {@link #current}, its left half; null when current is no left half. */
    private RowRange rightOfCurrent;
    private int calls;

    /** @param refused a request the model refused as a whole */
    RowIsolation(RowRange refused) {
        this.chunk = refused;
        pending.push(new Pending(refused, refused.count() == 1 ? Known.REFUSED_ALONE : Known.REFUSED));
    }

    /** The bound on {@link #calls()}: {@code 2 r ceil(log2 n) + 1}, at least one call per refused row. */
    static int maxCalls(int rows, int refused) {
        int depth = 32 - Integer.numberOfLeadingZeros(Math.max(1, rows - 1));
        return 2 * refused * Math.max(1, depth) + 1;
    }

    /** The range to send to the model next; empty once every row is answered or known refused. */
    Optional<RowRange> next() {
        if (current != null) {
            throw new IllegalStateException("report how " + current.range() + " went first");
        }
        while (!pending.isEmpty()) {
            Pending item = pending.pop();
            RowRange range = item.range();
            if (item.known() == Known.REFUSED_ALONE) {
                refusedRows.add(range.from());
                continue;
            }
            if (item.known() == Known.NOTHING || range.count() == 1) {
                current = item;
                rightOfCurrent = null;
                calls++;
                return Optional.of(range);
            }
            int middle = range.from() + range.count() / 2;
            current = new Pending(new RowRange(range.from(), middle), Known.NOTHING);
            rightOfCurrent = new RowRange(middle, range.to());
            calls++;
            return Optional.of(current.range());
        }
        return Optional.empty();
    }

    /** The range {@link #next()} named was answered, one value per row. */
    void answered(List<T> values) {
        if (current != null && values.size() != current.range().count()) {
            throw new IllegalArgumentException(values.size() + " answers for " + current.range().count() + " rows");
        }
        RowRange range = settle();
        answered.put(range.from(), values);
        if (rightOfCurrent != null) {
            // The whole was refused and its left half was not: the refusal is in the right half.
            pending.push(new Pending(rightOfCurrent, Known.REFUSED));
        }
    }

    /** The model refused the range {@link #next()} named. */
    void refused() {
        RowRange range = settle();
        if (rightOfCurrent != null) {
            pending.push(new Pending(rightOfCurrent, Known.NOTHING));
        }
        pending.push(new Pending(range, range.count() == 1 ? Known.REFUSED_ALONE : Known.REFUSED));
    }

    private RowRange settle() {
        if (current == null) {
            throw new IllegalStateException("no range is out");
        }
        RowRange range = current.range();
        current = null;
        return range;
    }

    boolean done() {
        return current == null && pending.isEmpty();
    }

    /** Requests made so far. */
    int calls() {
        return calls;
    }

    /** The rows the model refused on their own, as indexes of the refused request's rows, ascending. */
    List<Integer> refusedRows() {
        return refusedRows.stream().sorted().toList();
    }

    /** One answer per row of the refused request, in row order, {@code refusedValue} for each refused row. */
    List<T> answers(T refusedValue) {
        if (!done()) {
            throw new IllegalStateException("isolation is not done");
        }
        List<T> values = new ArrayList<>(chunk.count());
        int row = chunk.from();
        for (var part : answered.entrySet()) {
            for (; row < part.getKey(); row++) {
                values.add(refusedValue);
            }
            values.addAll(part.getValue());
            row += part.getValue().size();
        }
        for (; row < chunk.to(); row++) {
            values.add(refusedValue);
        }
        return values;
    }
}
