package dev.sqlscore.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** When an alarm interrupts its thread, that nothing comes after disarming, and how often the timer is woken. */
class WatchdogTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final Watchdog watchdog = new Watchdog("watchdog-test-");

    @Test
    void anAlarmDueInterruptsItsThreadOnceAndDisarmingClearsTheInterrupt() {
        long start = System.nanoTime();
        Watchdog.Alarm alarm = watchdog.arm(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(50));
        assertTrue(sleptUntilInterrupted(Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "not before it is due");
        Thread.currentThread().interrupt(); // as a call that caught the interrupt and left it set would
        assertTrue(alarm.disarm(), "the call is told the alarm fired");
        assertFalse(Thread.currentThread().isInterrupted(), "and its interrupt is not left behind");
        assertFalse(sleptUntilInterrupted(Duration.ofMillis(100)), "once");
    }

    @Test
    void aDisarmedAlarmNeverInterrupts() {
        Watchdog.Alarm alarm = watchdog.arm(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(30));
        assertFalse(alarm.disarm());
        assertFalse(sleptUntilInterrupted(Duration.ofMillis(150)));
        assertFalse(alarm.disarm(), "disarming twice says the same");
    }

    /** The point of it: batch after batch, each due after the one before, gives the timer one check in all. */
    @Test
    void alarmsDueAfterTheTimersNextCheckDoNotWakeIt() {
        for (int batch = 0; batch < 1_000; batch++) {
            assertFalse(watchdog.arm(Thread.currentThread(), MINUTE).disarm());
        }
        assertEquals(1, watchdog.checksScheduled());
    }

    @Test
    void anAlarmDueBeforeTheNextCheckGetsAnEarlierOne() throws Exception {
        Watchdog.Alarm late = watchdog.arm(Thread.currentThread(), MINUTE);
        Sleeper sooner = Sleeper.start();
        Watchdog.Alarm soon = watchdog.arm(sooner.thread(), TimeUnit.MILLISECONDS.toNanos(50));
        sooner.thread().join(Duration.ofSeconds(30));
        assertTrue(sooner.interrupted().get(), "the earlier alarm fired in its time, not the later one's");
        assertFalse(Thread.currentThread().isInterrupted(), "the later alarm did not fire with it");
        // The later alarm's check, cancelled for the earlier one's, then scheduled again after it.
        assertEquals(3, watchdog.checksScheduled());
        assertTrue(soon.disarm());
        assertFalse(late.disarm());
    }

    /** Having fired one alarm, the timer sleeps until the next one still armed, however long after that is. */
    @Test
    void afterFiringTheTimerChecksAgainForTheAlarmsStillArmed() throws Exception {
        Watchdog.Alarm first = watchdog.arm(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(30));
        Sleeper second = Sleeper.start();
        Watchdog.Alarm secondAlarm = watchdog.arm(second.thread(), TimeUnit.MILLISECONDS.toNanos(300));
        assertTrue(sleptUntilInterrupted(Duration.ofSeconds(30)));
        assertTrue(first.disarm());
        second.thread().join(Duration.ofSeconds(30));
        assertTrue(second.interrupted().get(), "the second alarm fired on a check of its own");
        assertEquals(2, watchdog.checksScheduled());
        assertTrue(secondAlarm.disarm());
    }

    /** Having fired one, the timer picks the earliest of the others, whatever order they were armed in. */
    @Test
    void theTimerSleepsUntilTheEarliestOfTheAlarmsStillArmed() throws Exception {
        Sleeper late = Sleeper.start();
        Sleeper sooner = Sleeper.start();
        Watchdog.Alarm lateAlarm = watchdog.arm(late.thread(), MINUTE);
        Watchdog.Alarm first = watchdog.arm(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(30));
        Watchdog.Alarm soonerAlarm = watchdog.arm(sooner.thread(), TimeUnit.MILLISECONDS.toNanos(300));
        assertTrue(sleptUntilInterrupted(Duration.ofSeconds(30)));
        assertTrue(first.disarm());
        sooner.thread().join(Duration.ofSeconds(30));
        assertTrue(sooner.interrupted().get(), "the 300 ms alarm fired in its time, not at the minute's");
        assertTrue(soonerAlarm.disarm());
        assertFalse(lateAlarm.disarm());
        late.thread().interrupt();
        late.thread().join(Duration.ofSeconds(30));
    }

    /** A thread that sleeps until interrupted, and says whether it was. */
    private record Sleeper(Thread thread, AtomicBoolean interrupted) {
        static Sleeper start() {
            AtomicBoolean interrupted = new AtomicBoolean();
            return new Sleeper(Thread.ofPlatform().start(() -> interrupted.set(sleptUntilInterrupted(
                    Duration.ofSeconds(30)))), interrupted);
        }
    }

    /** With nothing armed when it wakes, the timer is not woken again until something is. */
    @Test
    void aTimerWithNothingArmedSchedulesNothing() throws Exception {
        assertFalse(watchdog.arm(Thread.currentThread(), TimeUnit.MILLISECONDS.toNanos(20)).disarm());
        Thread.sleep(200);
        assertEquals(1, watchdog.checksScheduled());
        assertFalse(watchdog.arm(Thread.currentThread(), MINUTE).disarm());
        assertEquals(2, watchdog.checksScheduled(), "the check that found nothing left none behind");
    }

    private static boolean sleptUntilInterrupted(Duration atMost) {
        try {
            Thread.sleep(atMost);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
