package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A batch's time budget on a clock the test moves: expired exactly when nothing is left. */
class DeadlineTest {

    @Test
    void expiresWhenTheBudgetIsSpentNotBefore() {
        AtomicLong now = new AtomicLong(5_000);
        Deadline deadline = Deadline.after(now::get, 5_000, Duration.ofNanos(1_000));

        now.set(5_999);
        assertFalse(deadline.expired());
        assertEquals(Duration.ofNanos(1), deadline.remaining());
        now.set(6_000);
        assertTrue(deadline.expired(), "nothing left");
        assertEquals(Duration.ZERO, deadline.remaining());
        now.set(7_000);
        assertEquals(-1_000, deadline.remainingNanos());
        assertEquals(Duration.ZERO, deadline.remaining(), "never negative");
    }

    @Test
    void aNegativeBudgetIsNoTimeAndTheMessageNamesTheBudget() {
        Deadline none = Deadline.after(() -> 0, 0, Duration.ofMillis(-5));
        assertTrue(none.expired());
        assertEquals(0, none.budgetMillis());
        DeadlineExceededException e = Deadline.after(() -> 0, 0, Duration.ofMillis(2_500)).exceeded();
        assertEquals(504, e.httpStatus());
        assertTrue(e.getMessage().startsWith("The batch took longer than its 2500 ms deadline"), e.getMessage());
    }
}
