package dev.sqlscore.http;

import java.io.IOException;

/** The server's answer does not follow HTTP/1.1 (RFC 9112): a status line, headers or a body framing it broke. */
public final class HttpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    HttpProtocolException(String message) {
        super(message);
    }
}
