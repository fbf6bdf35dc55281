package dev.sqlscore.lambda;

import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.modelserver.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local model server in a process of its own, serving one endpoint that answers at once: one CSV line per CSV
 * line received, computed once per request size. Prints its URL, then serves until its standard input closes.
 */
public final class InstantModelServer {

    public static final String ENDPOINT = "instant-model";

    private InstantModelServer() {
    }

    /** This server in a child JVM (benchmarks: its work does not count against theirs); closing it stops it. */
    public record Running(Process process, URI uri) implements AutoCloseable {

        public static Running start() throws IOException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), InstantModelServer.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
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

    public static void main(String[] args) throws IOException {
        Map<Integer, byte[]> answers = new ConcurrentHashMap<>();
        try (ModelServer server = ModelServer.builder().endpoint(ENDPOINT, invocation -> {
            byte[] body = invocation.request().body();
            return new Reply.ContainerAnswer(200, "text/csv", answers.computeIfAbsent(body.length, size -> {
                int lines = 0;
                for (byte b : body) {
                    lines += b == '\n' ? 1 : 0;
                }
                return "0.4821\n".repeat(lines).getBytes(StandardCharsets.UTF_8);
            }));
        }).start()) {
            System.out.println(server.endpointUri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our standard input
            }
        }
    }
}
