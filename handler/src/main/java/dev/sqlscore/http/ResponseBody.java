package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's body as its head frames it (RFC 9112, section 6): so many bytes, chunks, or everything until the
 * server closes. Tells its owner once, when it ends, whether the connection may carry another request: only a body
 * read to its end leaves the connection in a known state.
 */
final class ResponseBody extends InputStream {

    /** Told once how the body ended. */
    @FunctionalInterface
    interface Ending {
        void ended(boolean connectionReusable);
    }

    private static final int MAX_CHUNK_LINE = 4096;

    private final InputStream in;
    private final ResponseHead.Framing framing;
    private final long declared;
    private final Ending ending;
    /** LENGTH: bytes still to come; CHUNKED: bytes left in the current chunk, -1 before the first. */
    private long remaining;
    private boolean ended;

    ResponseBody(InputStream in, ResponseHead.Framing framing, long declared, Ending ending) {
        this.in = in;
        this.framing = framing;
        this.declared = declared;
        this.ending = ending;
        this.remaining = framing == ResponseHead.Framing.CHUNKED ? -1 : declared;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        try {
            return switch (framing) {
                case NONE -> end(true);
                case LENGTH -> readFixed(into, offset, length);
                case CHUNKED -> readChunked(into, offset, length);
                case UNTIL_CLOSE -> {
                    int read = in.read(into, offset, length);
                    yield read < 0 ? end(false) : read;
                }
            };
        } catch (IOException | RuntimeException e) {
            end(false);
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        if (ended) {
            return 0;
        }
        int buffered = in.available();
        return framing == ResponseHead.Framing.LENGTH || framing == ResponseHead.Framing.CHUNKED
                ? (int) Math.min(buffered, Math.max(remaining, 0)) : buffered;
    }

    /** A body closed before its end leaves unread bytes on the connection, so the connection is closed too. */
    @Override
    public void close() {
        if (!ended) {
            end(false);
        }
    }

    private int readFixed(byte[] into, int offset, int length) throws IOException {
        if (remaining == 0) {
            return end(true);
        }
        int read = in.read(into, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new HttpProtocolException("the answer's body ended after " + (declared - remaining) + " of the "
                    + declared + " bytes its Content-Length declares");
        }
        remaining -= read;
        if (remaining == 0) {
            end(true);
        }
        return read;
    }

    private int readChunked(byte[] into, int offset, int length) throws IOException {
        if (remaining == 0) {
            expectLineEnd();
        }
        if (remaining <= 0) {
            remaining = chunkSize();
            if (remaining == 0) {
                skipTrailers();
                return end(true);
            }
        }
        int read = in.read(into, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new HttpProtocolException("the connection closed in the middle of a chunk of the answer's body");
        }
        remaining -= read;
        return read;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int end = line.indexOf(';'); // chunk extensions carry nothing this client uses
        String size = (end < 0 ? line : line.substring(0, end)).strip();
        if (size.isEmpty() || size.length() > 15 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HttpProtocolException("the answer's chunked body has an invalid chunk size: '"
                    + (size.length() > 20 ? size.substring(0, 20) + "..." : size) + "'");
        }
        return Long.parseLong(size, 16);
    }

    private void expectLineEnd() throws IOException {
        if (!line().isEmpty()) {
            throw new HttpProtocolException("a chunk of the answer's body is longer than its size says");
        }
    }

    private void skipTrailers() throws IOException {
        int budget = ResponseHead.MAX_HEAD_BYTES;
        for (String line = line(); !line.isEmpty(); line = line()) {
            budget -= line.length();
            if (budget < 0) {
                throw new HttpProtocolException("the answer's trailers exceed " + ResponseHead.MAX_HEAD_BYTES
                        + " bytes");
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new HttpProtocolException("the connection closed in the middle of the answer's chunked body");
            }
            if (line.length() == MAX_CHUNK_LINE) {
                throw new HttpProtocolException("a chunk line of the answer's body exceeds " + MAX_CHUNK_LINE
                        + " bytes");
            }
            line.append((char) b);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private int end(boolean complete) {
        if (!ended) {
            ended = true;
            ending.ended(complete);
        }
        return -1;
    }
}
