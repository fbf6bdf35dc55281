package dev.sqlscore.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends reads that have waited longer than their connection's read timeout, by closing the connection. Connections
 * read without a socket timeout because a timed read on a JDK socket channel switches the socket to non-blocking and
 * back and polls: four system calls a read, about 6% of a 200-row batch (docs/performance.md). A blocking read is
 * one.
 *
 * <p>One per client: a daemon thread, alive while one of the client's connections is open, looks every tenth of the
 * shortest read timeout (at least 10 ms, at most 1 s), so a read ends between its timeout and a tenth after it.
 * Thread-safe.
 */
final class ReadTimeouts {

    private static final long MIN_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_LOOK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private Thread watcher; // guarded by this

    void watch(Connection connection) {
        open.add(connection);
        synchronized (this) {
            if (watcher == null) {
                watcher = Thread.ofPlatform().name("sqlscore-read-timeouts").daemon().start(this::run);
            }
        }
    }

    void forget(Connection connection) {
        open.remove(connection);
    }

    /** Whether a thread watches reads now: one does while a connection is open, none a moment after the last. */
    synchronized boolean watching() {
        return watcher != null;
    }

    private void run() {
        while (true) {
            long pause = MAX_LOOK_NANOS;
            for (Connection connection : open) {
                pause = Math.min(pause, connection.readTimeoutNanos() / 10);
            }
            LockSupport.parkNanos(Math.max(MIN_LOOK_NANOS, pause));
            long now = System.nanoTime();
            for (Connection connection : open) {
                connection.endReadIfOverdue(now);
            }
            synchronized (this) {
                if (open.isEmpty()) {
                    watcher = null; // a connection opened from here on starts the next one
                    return;
                }
            }
        }
    }
}
