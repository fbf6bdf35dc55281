package dev.sqlscore.http;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: connections are kept and reused per origin. */
record Origin(boolean tls, String host, int port) {

    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URIs can be called, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URI names no host: " + uri);
        }
        boolean tls = scheme.equals("https");
        return new Origin(tls, uri.getHost(), uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80);
    }

    // Written out: the pool looks an origin up on every call, and under C1 (Lambda's JIT) a record's generated
    // equals and hashCode go through method handles.
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && tls == that.tls && port == that.port && host.equals(that.host);
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 2 + (tls ? 1 : 0);
    }

    /** The {@code Host} header's value: the port only when it is not the scheme's own. */
    String hostHeader() {
        String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? name : name + ":" + port;
    }
}
