package dev.sqlscore.http;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Idle connections, per origin, most recently used first: a burst takes the warmest ones, and the coldest age out
 * at the far end. A connection idle longer than the limit, or closed by the server meanwhile, is closed instead of
 * handed out. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

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
            if (connection.idleNanos() <= maxIdleNanos && connection.stillOpen()) {
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
