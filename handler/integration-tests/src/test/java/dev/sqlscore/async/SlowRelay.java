package dev.sqlscore.async;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on loopback that holds each request for a while before passing it on: a slow network to a server,
 * over real sockets. The delay can change while it runs.
 */
final class SlowRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Duration delay;

    SlowRelay(URI target, Duration delay) throws IOException {
        this.target = target;
        this.delay = delay;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                threads.submit(() -> pump(client, server, true));
                threads.submit(() -> pump(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Requests wait {@code delay} each time the client sends; answers pass at once. */
    private void pump(Socket from, Socket to, boolean slow) {
        byte[] buffer = new byte[64 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (slow && delay.isPositive()) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: close both
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
