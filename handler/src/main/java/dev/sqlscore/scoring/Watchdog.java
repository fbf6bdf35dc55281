package dev.sqlscore.scoring;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a thread whose call outlives its time, unless the call ends first. One timer thread serves every alarm
 * and sleeps until the earliest one is due; arming an alarm due after that does not wake it.
 *
 * <p>So a Lambda scoring batch after batch wakes the timer about once per call timeout, not once per batch: an alarm
 * scheduled on the timer for each batch and cancelled after it woke the timer thread every time (it had to sleep
 * less), one context switch per 200-row batch on a Lambda's fraction of a core (docs/performance.md). When the timer
 * wakes, it fires what is due and sleeps until the earliest alarm still armed.
 */
final class Watchdog {

    private final ScheduledThreadPoolExecutor timer;
    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    /** The timer's one scheduled check, when it has one, when it runs, and its number; guarded by {@code this}. */
    private ScheduledFuture<?> pending;
    private long pendingAtNanos;
    private long checksScheduled;

    Watchdog(String threadName) {
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(threadName, 0).daemon().factory());
        // A check superseded by an earlier one goes at once, so the queue holds one; idle, the thread ends.
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(1, TimeUnit.MINUTES);
        timer.allowCoreThreadTimeOut(true);
    }

    /** An alarm that interrupts {@code thread} once, when {@code delayNanos} have passed, unless disarmed first. */
    Alarm arm(Thread thread, long delayNanos) {
        Alarm alarm = new Alarm(thread, System.nanoTime() + delayNanos);
        armed.add(alarm);
        synchronized (this) {
            if (pending == null || alarm.dueAtNanos - pendingAtNanos < 0) {
                schedule(alarm.dueAtNanos);
            }
        }
        return alarm;
    }

    /** How many times the timer was given a check: what woke it (for tests). */
    synchronized long checksScheduled() {
        return checksScheduled;
    }

    private void schedule(long atNanos) {
        if (pending != null) {
            pending.cancel(false);
        }
        long check = ++checksScheduled;
        pendingAtNanos = atNanos;
        pending = timer.schedule(() -> check(check), Math.max(0, atNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    /** On the timer: fires the alarms that are due, and sleeps until the earliest other one. */
    private synchronized void check(long check) {
        if (check == checksScheduled) {
            pending = null;
        }
        long now = System.nanoTime();
        Alarm earliest = null;
        for (Alarm alarm : armed) {
            if (alarm.dueAtNanos - now <= 0) {
                armed.remove(alarm);
                alarm.fire();
            } else if (earliest == null || alarm.dueAtNanos - earliest.dueAtNanos < 0) {
                earliest = alarm;
            }
        }
        if (earliest != null && (pending == null || earliest.dueAtNanos - pendingAtNanos < 0)) {
            schedule(earliest.dueAtNanos);
        }
    }

    /**
     * One call's alarm. Firing and disarming take one lock, so that no interrupt reaches the thread after
     * {@link #disarm()}: a stray one would close the next batch's connection (socket channels close on it).
     */
    final class Alarm {
        private final Thread thread;
        private final long dueAtNanos;
        private boolean live = true;
        private boolean fired;

        private Alarm(Thread thread, long dueAtNanos) {
            this.thread = thread;
            this.dueAtNanos = dueAtNanos;
        }

        private synchronized void fire() {
            if (live) {
                fired = true;
                thread.interrupt();
            }
        }

        /** On the watched thread: no interrupt after this; whether one came (then cleared). */
        boolean disarm() {
            armed.remove(this);
            synchronized (this) {
                live = false;
                if (fired) {
                    Thread.interrupted();
                }
                return fired;
            }
        }
    }
}
