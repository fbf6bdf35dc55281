package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An answer's status line and headers (RFC 9112, section 2 to 5), read up to the blank line that ends them, and what
 * they say about the body that follows: its framing and whether the connection may carry another request.
 */
record ResponseHead(int status, String reason, boolean http11, Map<String, List<String>> headers) {

    /** Far above any answer SageMaker sends; a server that goes past it is broken or hostile. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /** How the body is delimited. */
    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** Reads one head; {@code null} when the connection was closed before its first byte. */
    static ResponseHead read(InputStream in) throws IOException {
        Budget budget = new Budget();
        String statusLine = line(in, budget, true);
        if (statusLine == null) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new HttpProtocolException("the server did not answer with an HTTP/1.x status line: "
                    + printable(statusLine));
        }
        int status = status(statusLine);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String previous = null;
        for (String line = line(in, budget, false); !line.isEmpty(); line = line(in, budget, false)) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                List<String> values = headers.get(previous); // an obsolete folded line continues the last value
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException("the server sent a header line without a name: " + printable(line));
            }
            previous = line.substring(0, colon).strip();
            headers.computeIfAbsent(previous, name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseHead(status, statusLine.length() > 13 ? statusLine.substring(13) : "",
                statusLine.charAt(7) == '1', Collections.unmodifiableMap(headers));
    }

    boolean informational() {
        return status >= 100 && status < 200;
    }

    /** RFC 9112 section 6.3, in its order. */
    Framing framing(boolean headRequest) throws HttpProtocolException {
        if (headRequest || informational() || status == 204 || status == 304) {
            return Framing.NONE;
        }
        List<String> codings = tokens("Transfer-Encoding");
        if (!codings.isEmpty()) {
            return codings.get(codings.size() - 1).equals("chunked") ? Framing.CHUNKED : Framing.UNTIL_CLOSE;
        }
        return contentLength() >= 0 ? Framing.LENGTH : Framing.UNTIL_CLOSE;
    }

    /** -1 when the answer declares none. */
    long contentLength() throws HttpProtocolException {
        List<String> values = headers.getOrDefault("Content-Length", List.of());
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                long parsed = parseLength(part.strip());
                if (length >= 0 && parsed != length) {
                    throw new HttpProtocolException("conflicting Content-Length values: " + values);
                }
                length = parsed;
            }
        }
        return length;
    }

    /** Whether the connection may carry the next request once this answer's body is read. */
    boolean keepAlive() {
        List<String> connection = tokens("Connection");
        return http11 ? !connection.contains("close") : connection.contains("keep-alive");
    }

    private List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static long parseLength(String value) throws HttpProtocolException {
        if (value.isEmpty() || value.length() > 18 || !digits(value)) {
            throw new HttpProtocolException("an invalid Content-Length: " + printable(value));
        }
        return Long.parseLong(value);
    }

    private static int status(String statusLine) throws HttpProtocolException {
        String code = statusLine.substring(9, 12);
        if (!digits(code) || code.charAt(0) == '0') {
            throw new HttpProtocolException("the server's status line has no status code: " + printable(statusLine));
        }
        return Integer.parseInt(code);
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A line without its CRLF (a bare LF is accepted, as RFC 9112 allows); {@code null} at a clean end of input. */
    private static String line(InputStream in, Budget budget, boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (first && line.isEmpty()) {
                    return null;
                }
                throw new HttpProtocolException("the connection closed in the middle of the answer's headers");
            }
            if (++budget.used > MAX_HEAD_BYTES) {
                throw new HttpProtocolException("the answer's status line and headers exceed " + MAX_HEAD_BYTES
                        + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new String(shown.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII)
                .replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static final class Budget {
        private int used;
    }
}
