package dev.sqlscore.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback whose answers a test writes byte by byte, to put on the wire what a well-behaved server
 * would not: chunks, early closes, broken heads. Each accepted connection runs the script until it returns.
 */
final class ScriptedServer implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void serve(Socket connection, InputStream in) throws IOException;
    }

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (connection) {
                            script.serve(connection, connection.getInputStream());
                        } catch (IOException e) {
                            // the client went away; the test sees what it needs from its own side
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    /** Reads one request (head and Content-Length body); its head, or null when the client closed first. */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int newlines = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            newlines = b == '\n' ? newlines + 1 : b == '\r' ? newlines : 0;
            if (newlines == 2) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
                    }
                }
                return text;
            }
        }
        return null;
    }

    static void write(Socket connection, String text) throws IOException {
        connection.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        connection.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
