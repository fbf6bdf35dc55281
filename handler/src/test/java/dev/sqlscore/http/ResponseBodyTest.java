package dev.sqlscore.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A body read as its head frames it, and the one report of whether its connection may be kept. */
class ResponseBodyTest {

    private final List<Boolean> endings = new ArrayList<>();

    @Test
    void aBodyOfKnownLengthStopsThereAndLeavesTheRestForTheNextAnswer() throws IOException {
        InputStream wire = wire("0.5\n1\nHTTP/1.1 next");
        ResponseBody body = body(wire, ResponseHead.Framing.LENGTH, 6);

        assertEquals(6, body.available());
        assertEquals("0.5\n1\n", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(true), endings);
        assertEquals(-1, body.read());
        assertEquals(0, body.available());
        assertEquals("HTTP/1.1 next", new String(wire.readAllBytes(), StandardCharsets.UTF_8));
        body.close();
        assertEquals(List.of(true), endings, "told more than once");
    }

    @Test
    void aBodyEndsAsSoonAsItsLastByteIsRead() throws IOException {
        ResponseBody body = body(wire("ab"), ResponseHead.Framing.LENGTH, 2);

        assertEquals('a', body.read());
        assertEquals(List.of(), endings);
        assertEquals('b', body.read());
        assertEquals(List.of(true), endings);
    }

    @Test
    void anEmptyBodyOfLengthZeroEndsAtOnce() throws IOException {
        ResponseBody body = body(wire("next"), ResponseHead.Framing.LENGTH, 0);

        assertEquals(-1, body.read(new byte[4], 0, 4));
        assertEquals(List.of(true), endings);
    }

    @Test
    void chunksAreJoinedWithoutTheirSizesExtensionsAndTrailers() throws IOException {
        InputStream wire = wire("3;ext=1\r\nabc\r\n1\r\nd\r\n10\r\n0123456789abcdef\r\n0\r\nTrailer: x\r\n\r\nnext");
        ResponseBody body = body(wire, ResponseHead.Framing.CHUNKED, -1);

        assertEquals("abcd0123456789abcdef", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(true), endings);
        assertEquals("next", new String(wire.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aChunkedBodyReadByteByByteEndsWithMinusOneAndNothingMore() throws IOException {
        ResponseBody body = body(wire("2\r\nab\r\n1\r\nc\r\n0\r\n\r\n"), ResponseHead.Framing.CHUNKED, -1);
        StringBuilder read = new StringBuilder();
        for (int b = body.read(); b >= 0; b = body.read()) {
            read.append((char) b);
        }
        assertEquals("abc", read.toString());
        assertEquals(List.of(true), endings);
    }

    /** Sizes of up to 15 hex digits, bare line feeds, and a NUL in an extension (ignored, like the extension). */
    @Test
    void chunkLinesAreReadAsLenientlyAsTheRfcAllows() throws IOException {
        ResponseBody body = body(wire("000000000000003;x=\0\nabc\n0\n\n"), ResponseHead.Framing.CHUNKED, -1);
        assertEquals("abc", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(true), endings);
    }

    @Test
    void anInvalidChunkSizeIsQuotedAndCutAtTwentyCharacters() {
        for (String[] sizeAndShown : new String[][] {{";ext", ""}, {"g".repeat(20), "g".repeat(20)},
                {"g".repeat(21), "g".repeat(20) + "..."}}) {
            ResponseBody body = body(wire(sizeAndShown[0] + "\r\n"), ResponseHead.Framing.CHUNKED, -1);
            assertEquals("the answer's chunked body has an invalid chunk size: '" + sizeAndShown[1] + "'",
                    assertThrows(HttpProtocolException.class, body::readAllBytes).getMessage());
        }
    }

    @Test
    void trailersExactlyAtTheirLimitAreRead() throws IOException {
        // 16 lines of 4,095 characters and one of 16: 65,536 characters without their line ends
        String trailers = ("X: " + "t".repeat(4092) + "\r\n").repeat(16) + "Y: " + "t".repeat(13) + "\r\n";
        ResponseBody body = body(wire("1\r\na\r\n0\r\n" + trailers + "\r\nnext"), ResponseHead.Framing.CHUNKED, -1);
        assertEquals("a", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(true), endings);
    }

    @Test
    void brokenChunksAreRefusedAndTheConnectionNotKept() {
        for (String broken : List.of("zz\r\nab\r\n0\r\n\r\n", "2\r\nabc\r\n0\r\n\r\n", "2\r\nab", "\r\n",
                "1234567890123456\r\n", "2\r\nab\r\n")) {
            endings.clear();
            ResponseBody body = body(wire(broken), ResponseHead.Framing.CHUNKED, -1);
            assertThrows(HttpProtocolException.class, body::readAllBytes, broken);
            assertEquals(List.of(false), endings, broken);
        }
    }

    @Test
    void aChunkLineOrTrailersPastTheirLimitsAreRefused() {
        ResponseBody longLine = body(wire("1" + ";x".repeat(3000) + "\r\n"), ResponseHead.Framing.CHUNKED, -1);
        assertEquals("a chunk line of the answer's body exceeds 4096 bytes",
                assertThrows(HttpProtocolException.class, longLine::readAllBytes).getMessage());

        String trailer = "X-T: " + "t".repeat(4000) + "\r\n";
        ResponseBody trailers = body(wire("0\r\n" + trailer.repeat(17) + "\r\n"), ResponseHead.Framing.CHUNKED, -1);
        assertEquals("the answer's trailers exceed 65536 bytes",
                assertThrows(HttpProtocolException.class, trailers::readAllBytes).getMessage());
    }

    @Test
    void aBodyUntilCloseEndsWithTheConnectionNotKept() throws IOException {
        ResponseBody body = body(wire("all of it"), ResponseHead.Framing.UNTIL_CLOSE, -1);

        assertEquals("all of it", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(false), endings);
    }

    @Test
    void closingBeforeTheEndReportsTheConnectionUnusable() throws IOException {
        ResponseBody body = body(wire("0.5\n1\n"), ResponseHead.Framing.LENGTH, 6);
        assertEquals('0', body.read());

        body.close();

        assertEquals(List.of(false), endings);
        assertEquals(-1, body.read());
    }

    @Test
    void zeroBytesAskedAreZeroBytesRead() throws IOException {
        ResponseBody body = body(wire("ab"), ResponseHead.Framing.LENGTH, 2);

        assertEquals(0, body.read(new byte[1], 0, 0));
        assertEquals(List.of(), endings);
    }

    @Test
    void originsAreTheSchemeHostAndPortWithTheSchemesDefault() {
        assertEquals(new Origin(true, "runtime.sagemaker.us-east-1.amazonaws.com", 443),
                Origin.of(URI.create("HTTPS://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/x/invocations")));
        assertEquals("runtime.sagemaker.us-east-1.amazonaws.com", Origin.of(URI.create(
                "https://runtime.sagemaker.us-east-1.amazonaws.com")).hostHeader());
        assertEquals("127.0.0.1:8080", Origin.of(URI.create("http://127.0.0.1:8080/x")).hostHeader());
        assertEquals("localhost", Origin.of(URI.create("http://localhost:80/x")).hostHeader());
        assertEquals("localhost:443", Origin.of(URI.create("http://localhost:443/x")).hostHeader());
        assertEquals("[::1]:9000", Origin.of(URI.create("http://[::1]:9000/x")).hostHeader());
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("file:///etc/passwd")));
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("http:/no-host")));
    }

    @Test
    void originsAreEqualOnlyWhenSchemeHostAndPortAre() {
        Origin origin = new Origin(true, "runtime.sagemaker.us-east-1.amazonaws.com", 443);
        Origin same = new Origin(true, new String("runtime.sagemaker.us-east-1.amazonaws.com"), 443);

        assertEquals(origin, same);
        assertEquals(origin.hashCode(), same.hashCode());
        for (Origin other : List.of(new Origin(false, "runtime.sagemaker.us-east-1.amazonaws.com", 443),
                new Origin(true, "runtime.sagemaker.us-west-2.amazonaws.com", 443),
                new Origin(true, "runtime.sagemaker.us-east-1.amazonaws.com", 8443))) {
            assertNotEquals(origin, other);
            assertNotEquals(origin.hashCode(), other.hashCode(), other.toString());
        }
        assertNotEquals(origin, "https://runtime.sagemaker.us-east-1.amazonaws.com");
        assertEquals(Set.of(origin), Set.of(same), "a pool keyed by origin finds a kept connection again");
    }

    private ResponseBody body(InputStream wire, ResponseHead.Framing framing, long length) {
        return new ResponseBody(wire, framing, length, endings::add);
    }

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
