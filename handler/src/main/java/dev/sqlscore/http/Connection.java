package dev.sqlscore.http;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * One HTTP/1.1 connection, plain or TLS, with {@code TCP_NODELAY} on and, where the system has it (Linux), a quick
 * acknowledgement asked for after each request. Not thread-safe: one exchange at a time uses it; only {@link #close()}
 * may come from another thread (that is how a call is aborted).
 *
 * <p>Why both options: with Nagle's algorithm on either side, the last small segment of a message waits until the
 * other side acknowledges the segment before it, and the other side delays that acknowledgement by up to 40 ms
 * (Linux's delayed ACK). {@code TCP_NODELAY} removes the wait from what we send; the quick acknowledgement removes it
 * from what a server that keeps Nagle on sends back (an answer's headers and body in two writes, as Python's
 * {@code http.server} does): measured on loopback, 44 ms per call against 0.2 ms (docs/performance.md).
 */
final class Connection implements Closeable {

    /** The most the JDK's socket writes in one system call (sun.nio.ch.NioSocketImpl): one write per piece. */
    static final int WRITE_SIZE = 128 * 1024;
    private static final int READ_BUFFER = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final SocketOption<Boolean> QUICK_ACK = quickAckOption();

    private final Origin origin;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    /** Kept with the connection: a request of a megabyte would otherwise allocate it anew each time. */
    private final byte[] writeBuffer = new byte[WRITE_SIZE];
    private long idleSinceNanos = System.nanoTime();

    private Connection(Origin origin, SocketChannel channel, Socket socket) throws IOException {
        this.origin = origin;
        this.channel = channel;
        this.in = new BufferedInputStream(socket.getInputStream(), READ_BUFFER);
        this.out = socket.getOutputStream();
    }

    /**
     * Connects within {@code connectTimeoutMillis} (the TLS handshake too), then bounds each read by {@code
     * readTimeoutMillis}. A TLS connection checks the server's certificate against the host name.
     */
    static Connection open(Origin origin, SSLSocketFactory tls, int connectTimeoutMillis, int readTimeoutMillis)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(origin.host(), origin.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException(origin.host());
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Socket socket = channel.socket();
            socket.connect(address, connectTimeoutMillis);
            if (origin.tls()) {
                SSLSocket secured = (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), true);
                SSLParameters parameters = secured.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secured.setSSLParameters(parameters);
                secured.setSoTimeout(connectTimeoutMillis);
                secured.startHandshake();
                socket = secured;
            }
            socket.setSoTimeout(readTimeoutMillis);
            return new Connection(origin, channel, socket);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Origin origin() {
        return origin;
    }

    boolean hasNodelay() throws IOException {
        return channel.getOption(StandardSocketOptions.TCP_NODELAY);
    }

    /**
     * Writes the request's head and then its body, {@code length} bytes of it, or chunked when {@code length} is -1;
     * no body when {@code body} is null. The head and the body's first bytes go out in one write.
     */
    void send(byte[] head, InputStream body, long length) throws IOException {
        byte[] buffer = writeBuffer;
        int filled = 0;
        if (head.length > buffer.length) {
            out.write(head);
        } else {
            System.arraycopy(head, 0, buffer, 0, head.length);
            filled = head.length;
        }
        if (body != null && length >= 0) {
            long left = length;
            while (left > 0) {
                if (filled == buffer.length) {
                    out.write(buffer, 0, filled);
                    filled = 0;
                }
                int read = body.read(buffer, filled, (int) Math.min(buffer.length - filled, left));
                if (read < 0) {
                    throw new IOException("the request body ended after " + (length - left) + " of the " + length
                            + " bytes its Content-Length declares");
                }
                filled += read;
                left -= read;
            }
        } else if (body != null) {
            out.write(buffer, 0, filled);
            filled = 0;
            writeChunked(body, buffer);
        }
        if (filled > 0) {
            out.write(buffer, 0, filled);
        }
        out.flush();
        askForQuickAcknowledgement();
    }

    /** The next final answer's head; informational (1xx) answers before it are read and passed over. */
    ResponseHead readHead() throws IOException {
        while (true) {
            ResponseHead head = ResponseHead.read(in);
            if (head == null) {
                throw new HttpProtocolException("the server closed the connection without answering");
            }
            if (head.status() == 101) {
                throw new HttpProtocolException("the server switched protocols (101), which this client does not "
                        + "speak");
            }
            if (!head.informational()) {
                return head;
            }
            askForQuickAcknowledgement();
        }
    }

    InputStream input() {
        return in;
    }

    /**
     * Whether an idle connection can carry another request: the server sent nothing unasked and, when {@code
     * lookForClose}, has not closed it. Looks without waiting (a non-blocking read), unlike the JDK's URL connection,
     * which waits a millisecond on every reuse.
     */
    boolean reusable(boolean lookForClose) {
        try {
            if (in.available() > 0) {
                return false;
            }
            if (!lookForClose) {
                return true;
            }
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    void markIdle() {
        idleSinceNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - idleSinceNanos;
    }

    /** Ends the connection at once, from any thread; a read or write in progress fails. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was asked; the socket is released either way
        }
    }

    private void writeChunked(InputStream body, byte[] buffer) throws IOException {
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            if (read > 0) {
                out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, read);
                out.write(CRLF);
            }
        }
        out.write(LAST_CHUNK);
    }

    private void askForQuickAcknowledgement() {
        if (QUICK_ACK == null) {
            return;
        }
        try {
            channel.setOption(QUICK_ACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            // not on this system: the answer may then wait for a delayed acknowledgement, as with any other client
        }
    }

    /** Linux's {@code TCP_QUICKACK}; null where the JDK does not offer it (the jdk.net module or the option). */
    private static SocketOption<Boolean> quickAckOption() {
        try {
            SocketOption<Boolean> option = ExtendedSocketOptions.TCP_QUICKACK;
            try (SocketChannel probe = SocketChannel.open()) {
                return probe.supportedOptions().contains(option) ? option : null;
            }
        } catch (LinkageError | IOException e) {
            return null;
        }
    }
}
