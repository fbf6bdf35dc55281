package dev.sqlscore.lambda;

import dev.sqlscore.http.LocalTls;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model server for benchmarks, in a process of its own, that answers {@code InvokeEndpoint} at once: one CSV line
 * per CSV line received, computed once per request size. It speaks just enough HTTP/1.1 for that (kept-alive
 * connections, a {@code Content-Length} body) and writes each answer as many small servers do, the status line and
 * headers in one write and the body in a second: with Nagle's algorithm on ({@code --nagle}, as Python's {@code
 * http.server} keeps it), a client that delays its acknowledgements makes the body wait for them; with {@code
 * --nodelay} nothing waits. With {@code --tls KEYSTORE PASSWORD} (a PKCS12 key store whose certificate names {@code
 * localhost}) it speaks HTTPS, as SageMaker does. Prints its URL, then serves until its standard input closes.
 */
public final class InstantModelServer {

    public static final String ENDPOINT = "instant-model";

    /** How the server's sockets send: the two modes a model server may have. */
    public enum Sending {
        NAGLE, NODELAY;

        String flag() {
            return "--" + name().toLowerCase(Locale.ROOT);
        }
    }

    private InstantModelServer() {
    }

    /** This server in a child JVM (benchmarks: its work does not count against theirs); closing it stops it. */
    public record Running(Process process, URI uri) implements AutoCloseable {

        public static Running start(Sending sending) throws IOException {
            return start(sending, null, null);
        }

        /** Over TLS with the key store's certificate when {@code keystore} is not null. */
        public static Running start(Sending sending, Path keystore, String password) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), InstantModelServer.class.getName(), sending.flag()));
            if (keystore != null) {
                command.addAll(List.of("--tls", keystore.toString(), password));
            }
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (url == null) {
                process.destroyForcibly();
                throw new IOException("the instant model server did not start");
            }
            return new Running(process, URI.create(url));
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        boolean nodelay = args.length > 0 && args[0].equals(Sending.NODELAY.flag());
        boolean tls = args.length > 3 && args[1].equals("--tls");
        Map<Integer, byte[]> answers = new ConcurrentHashMap<>();
        try (ServerSocket server = tls ? new LocalTls(Path.of(args[2]), args[3]).serving().getServerSocketFactory()
                .createServerSocket(0, 512, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        connection.setTcpNoDelay(nodelay);
                        Thread.ofVirtual().start(() -> serve(connection, answers));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            System.out.println((tls ? "https://localhost:" : "http://127.0.0.1:") + server.getLocalPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our standard input
            }
        }
    }

    private static void serve(Socket connection, Map<Integer, byte[]> answers) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream(), 64 * 1024)) {
            OutputStream out = connection.getOutputStream();
            for (long length = contentLength(in); length >= 0; length = contentLength(in)) {
                byte[] body = in.readNBytes(Math.toIntExact(length));
                byte[] answer = answers.computeIfAbsent(body.length, size -> {
                    int lines = 0;
                    for (byte b : body) {
                        lines += b == '\n' ? 1 : 0;
                    }
                    return "0.4821\n".repeat(lines).getBytes(StandardCharsets.UTF_8);
                });
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + answer.length
                        + "\r\nx-Amzn-Invoked-Production-Variant: AllTraffic\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads a request's head; its Content-Length (0 when it has none), or -1 when the client closed. */
    private static long contentLength(InputStream in) throws IOException {
        long length = 0;
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String text = line.toString().strip();
            line.setLength(0);
            if (text.isEmpty() && !first) {
                return length;
            }
            first = false;
            if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(text.substring("content-length:".length()).strip());
            }
        }
        return -1;
    }
}
