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

    /** The {@code Host} header's value: the port only when it is not the scheme's own. */
    String hostHeader() {
        String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? name : name + ":" + port;
    }
}
