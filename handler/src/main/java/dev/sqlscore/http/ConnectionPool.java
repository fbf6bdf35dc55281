package dev.sqlscore.http;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Idle connections, per origin, most recently used first: a burst takes the warmest ones, and the coldest age out
 * at the far end. A connection idle longer than the limit, or closed by the server meanwhile, is closed instead of
 * handed out. Thread-safe.
 *
 * <p>Whether the server closed a connection is looked at only after {@link #LOOK_AFTER_IDLE_NANOS} of idleness, as
 * Apache's HttpClient does after two seconds ({@code validateAfterInactivity}) and OkHttp after ten: the look costs
 * three system calls per request (the socket's mode switched twice, a read), and a server does not close a kept
 * connection moments after answering on it without saying so ({@code Connection: close}). Were one to, the request
 * fails as any I/O failure does, and the SDK sends it again on a new connection after its backoff. Bytes the server
 * sent unasked are looked for at every reuse.
 */
final class ConnectionPool implements AutoCloseable {

    /** Idleness under which a connection is taken as open without looking. */
    static final long LOOK_AFTER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Map<Origin, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final int maxIdlePerOrigin;
    private final long maxIdleNanos;
    private volatile boolean closed;

    ConnectionPool(int maxIdlePerOrigin, long maxIdleNanos) {
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.maxIdleNanos = maxIdleNanos;
    }

    /** An idle connection to {@code origin} that is still open, or null when there is none. */
    Connection take(Origin origin) {
        Deque<Connection> connections = idle.get(origin);
        if (connections == null) {
            return null;
        }
        for (Connection connection = connections.pollFirst(); connection != null;
                connection = connections.pollFirst()) {
            long idleNanos = connection.idleNanos();
            if (idleNanos <= maxIdleNanos && connection.reusable(idleNanos >= LOOK_AFTER_IDLE_NANOS)) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    /** Keeps a connection whose last answer was read to its end, for the next request to its origin. */
    void release(Connection connection) {
        if (closed) {
            connection.close();
            return;
        }
        connection.markIdle();
        Deque<Connection> connections = idle.computeIfAbsent(connection.origin(), o -> new ConcurrentLinkedDeque<>());
        connections.offerFirst(connection);
        if (connections.size() > maxIdlePerOrigin) {
            Connection coldest = connections.pollLast();
            if (coldest != null) {
                coldest.close();
            }
        }
        if (closed) {
            close(); // closed meanwhile: this connection must not outlive the pool
        }
    }

    int idleCount(Origin origin) {
        Deque<Connection> connections = idle.get(origin);
        return connections == null ? 0 : connections.size();
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(connections -> {
            for (Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
                c.close();
            }
        });
    }
}
