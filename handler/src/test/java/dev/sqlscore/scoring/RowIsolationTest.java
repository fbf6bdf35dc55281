package dev.sqlscore.scoring;

import dev.sqlscore.payload.RowRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split plan on its own: a model that refuses any request holding a refused row, rows answered by index. */
class RowIsolationTest {

    /** Runs the plan against such a model; returns the isolation and the ranges it sent. */
    private static Run isolate(int from, int to, Set<Integer> refused) {
        var isolation = new RowIsolation<Integer>(new RowRange(from, to));
        List<RowRange> sent = new ArrayList<>();
        for (Optional<RowRange> next = isolation.next(); next.isPresent(); next = isolation.next()) {
            RowRange range = next.get();
            sent.add(range);
            if (IntStream.range(range.from(), range.to()).anyMatch(refused::contains)) {
                isolation.refused();
            } else {
                isolation.answered(IntStream.range(range.from(), range.to()).boxed().toList());
            }
        }
        return new Run(isolation, sent);
    }

    private record Run(RowIsolation<Integer> isolation, List<RowRange> sent) {
    }

    static List<Arguments> shapes() {
        return List.of(
                Arguments.of("one in the middle", 0, 200, Set.of(97)),
                Arguments.of("the first", 0, 200, Set.of(0)),
                Arguments.of("the last", 0, 200, Set.of(199)),
                Arguments.of("a run of adjacent rows", 0, 4096, Set.of(1000, 1001, 1002, 1003, 1004)),
                Arguments.of("scattered", 0, 10_000, Set.of(3, 4_000, 9_999)),
                Arguments.of("a chunk that starts late", 300, 500, Set.of(301, 499)),
                Arguments.of("a single row", 7, 8, Set.of(7)),
                Arguments.of("two rows, one refused", 0, 2, Set.of(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void findsExactlyTheRefusedRowsAndAnswersTheRestInOrder(String shape, int from, int to, Set<Integer> refused) {
        Run run = isolate(from, to, refused);

        assertTrue(run.isolation().done());
        assertEquals(List.copyOf(new TreeSet<>(refused)), run.isolation().refusedRows());
        List<Integer> answers = run.isolation().answers(-1);
        assertEquals(to - from, answers.size());
        for (int row = from; row < to; row++) {
            assertEquals(refused.contains(row) ? -1 : row, answers.get(row - from), "row " + row);
        }
        assertTrue(run.isolation().calls() <= RowIsolation.maxCalls(to - from, refused.size()),
                run.isolation().calls() + " calls for " + refused.size() + " of " + (to - from));
        assertEquals(run.sent().size(), run.isolation().calls());
    }

    /** A single row is called refused only after it was sent alone, and every row is sent at most once answered. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aRowIsRefusedOnlyAfterItWasSentAlone(String shape, int from, int to, Set<Integer> refused) {
        Run run = isolate(from, to, refused);
        for (int row : run.isolation().refusedRows()) {
            boolean sentAlone = run.sent().contains(new RowRange(row, row + 1)) || (to - from == 1);
            assertTrue(sentAlone, "row " + row + " was never sent alone");
        }
    }

    @Test
    void everyRowRefusedIsFoundWithinTheBound() {
        Run run = isolate(0, 64, IntStream.range(0, 64).boxed().collect(Collectors.toSet()));
        assertEquals(64, run.isolation().refusedRows().size());
        assertTrue(run.isolation().calls() <= RowIsolation.maxCalls(64, 64));
    }

    @Test
    void oneRefusedRowCostsAboutTwiceTheDepth() {
        Run run = isolate(0, 10_000, Set.of(6_123));
        // 14 levels for 10,000 rows: one call per level, two where the left half is the refused one.
        assertTrue(run.isolation().calls() >= 14 && run.isolation().calls() <= 28, run.isolation().calls() + " calls");
    }

    @Test
    void randomRefusalsAreAlwaysFoundExactlyWithinTheBound() {
        Random random = new Random(17);
        for (int trial = 0; trial < 2_000; trial++) {
            int rows = 1 + random.nextInt(300);
            Set<Integer> refused = new TreeSet<>();
            int count = 1 + random.nextInt(Math.min(rows, 12));
            while (refused.size() < count) {
                refused.add(random.nextInt(rows));
            }
            Run run = isolate(0, rows, refused);
            assertEquals(List.copyOf(refused), run.isolation().refusedRows(), "trial " + trial);
            assertTrue(run.isolation().calls() <= RowIsolation.maxCalls(rows, refused.size()),
                    "trial " + trial + ": " + run.isolation().calls() + " calls");
        }
    }

    @Test
    void theBoundGrowsWithTheRefusedRowsAndTheDepth() {
        assertEquals(2 * 1 * 8 + 1, RowIsolation.maxCalls(200, 1));
        assertEquals(2 * 10 * 12 + 1, RowIsolation.maxCalls(4096, 10));
        assertEquals(2 * 1 * 14 + 1, RowIsolation.maxCalls(10_000, 1));
        assertEquals(3, RowIsolation.maxCalls(1, 1));
    }

    @Test
    void misuseIsRefused() {
        var isolation = new RowIsolation<Integer>(new RowRange(0, 4));
        assertThrows(IllegalStateException.class, isolation::refused, "nothing is out yet");
        RowRange out = isolation.next().orElseThrow();
        assertThrows(IllegalStateException.class, isolation::next, "report first");
        assertThrows(IllegalArgumentException.class, () -> isolation.answered(List.of(1)));
        assertFalse(isolation.done());
        assertEquals(new RowRange(0, 2), out);
        assertThrows(IllegalStateException.class, () -> new RowIsolation<Integer>(new RowRange(0, 2)).answers(0));
    }
}
