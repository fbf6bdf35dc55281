package dev.sqlscore.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer's head as RFC 9112 frames it, read from bytes: the status, the headers, the body's framing. */
class ResponseHeadTest {

    @Test
    void theStatusLineAndHeadersAreReadWithTheirValuesInOrder() throws IOException {
        ResponseHead head = read("HTTP/1.1 424 Failed Dependency\r\nContent-Type: application/json\r\n"
                + "x-amzn-Errortype: ModelError\r\nX-Many: a\r\nx-many:  b \r\n\r\n");

        assertEquals(424, head.status());
        assertEquals("Failed Dependency", head.reason());
        assertEquals(List.of("a", "b"), head.headers().get("X-MANY"));
        assertEquals(List.of("ModelError"), head.headers().get("X-Amzn-ErrorType"));
        assertNull(head.headers().get("Absent"));
    }

    @Test
    void bareLineFeedsFoldedLinesAndAnEmptyReasonAreAccepted() throws IOException {
        ResponseHead head = read("HTTP/1.1 200\nX-Folded: first\n  second\nContent-Length: 0\n\n");

        assertEquals(200, head.status());
        assertEquals("", head.reason());
        assertEquals(List.of("first second"), head.headers().get("x-folded"));
    }

    @Test
    void aClosedConnectionBeforeAnyByteIsNoHead() throws IOException {
        assertNull(read(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 abc OK",
        "HTTP/1.1 099 Low", "HTTP/1.1", "ICY 200 OK", "HTTP/1.1  200 OK"})
    void whatIsNotAStatusLineIsRefused(String statusLine) {
        assertThrows(HttpProtocolException.class, () -> read(statusLine + "\r\n\r\n"));
    }

    @Test
    void aHeaderWithoutANameOrAHeadCutShortIsRefused() {
        assertEquals("the server sent a header line without a name: : value", assertThrows(
                HttpProtocolException.class, () -> read("HTTP/1.1 200 OK\r\n: value\r\n\r\n")).getMessage());
        assertEquals("the connection closed in the middle of the answer's headers", assertThrows(
                HttpProtocolException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Le")).getMessage());
    }

    @Test
    void aHeadOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws IOException {
        String start = "HTTP/1.1 200 OK\r\nX-Fill: ";
        String end = "\r\n\r\n";
        String fill = "f".repeat(ResponseHead.MAX_HEAD_BYTES - start.length() - end.length());

        assertEquals(200, read(start + fill + end).status());
        assertThrows(HttpProtocolException.class, () -> read(start + fill + "f" + end));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\n| false | LENGTH",
        "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 5\\r\\n\\r\\n| false | CHUNKED",
        "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: gzip, Chunked\\r\\n\\r\\n| false | CHUNKED",
        "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked, gzip\\r\\n\\r\\n| false | UNTIL_CLOSE",
        "HTTP/1.1 200 OK\\r\\n\\r\\n| false | UNTIL_CLOSE",
        "HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\n\\r\\n| true | NONE",
        "HTTP/1.1 204 No Content\\r\\nContent-Length: 5\\r\\n\\r\\n| false | NONE",
        "HTTP/1.1 304 Not Modified\\r\\n\\r\\n| false | NONE",
        "HTTP/1.1 100 Continue\\r\\n\\r\\n| false | NONE",
        "HTTP/1.1 205 Reset Content\\r\\nContent-Length: 0\\r\\n\\r\\n| false | LENGTH",
    })
    void theBodysFramingFollowsTheRfcsOrder(String text, boolean headRequest, ResponseHead.Framing framing)
            throws IOException {
        assertEquals(framing, read(text.replace("\\r\\n", "\r\n")).framing(headRequest));
    }

    @Test
    void lengthsAreCheckedAndRepeatsMustAgree() throws IOException {
        assertEquals(12, read("HTTP/1.1 200 OK\r\nContent-Length: 12, 12\r\nContent-Length: 12\r\n\r\n")
                .contentLength());
        assertEquals(-1, read("HTTP/1.1 200 OK\r\n\r\n").contentLength());
        assertEquals(6, read("HTTP/1.1 200 OK\r\nContent-Length: 000000000000000006\r\n\r\n").contentLength(),
                "18 digits are a length");
        for (String bad : List.of("-1", "1e3", "", "0x10", "1234567890123456789", " ", "0, 5",
                "0\r\nContent-Length: 1")) {
            ResponseHead head = read("HTTP/1.1 200 OK\r\nContent-Length: " + bad + "\r\n\r\n");
            assertThrows(HttpProtocolException.class, head::contentLength, bad);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 200 OK\\r\\n\\r\\n| true",
        "HTTP/1.1 200 OK\\r\\nConnection: close\\r\\n\\r\\n| false",
        "HTTP/1.1 200 OK\\r\\nConnection: Keep-Alive, Close\\r\\n\\r\\n| false",
        "HTTP/1.0 200 OK\\r\\n\\r\\n| false",
        "HTTP/1.0 200 OK\\r\\nConnection: keep-alive\\r\\n\\r\\n| true",
    })
    void whetherTheConnectionMayCarryTheNextRequest(String text, boolean keepAlive) throws IOException {
        assertEquals(keepAlive, read(text.replace("\\r\\n", "\r\n")).keepAlive());
    }

    @Test
    void informationalMeansOneHundredToOneNinetyNine() throws IOException {
        assertTrue(read("HTTP/1.1 100 Continue\r\n\r\n").informational());
        assertTrue(read("HTTP/1.1 199 Misc\r\n\r\n").informational());
        assertFalse(read("HTTP/1.1 200 OK\r\n\r\n").informational());
    }

    @Test
    void refusalsShowTheLineWithoutItsControlCharacters() {
        HttpProtocolException failure = assertThrows(HttpProtocolException.class,
                () -> read("\u001b[2JHTTP/1.1 200 OK\r\n\r\n"));
        assertEquals("the server did not answer with an HTTP/1.x status line: ?[2JHTTP/1.1 200 OK",
                failure.getMessage());
    }

    @Test
    void aServerSpeakingAnotherProtocolIsNamedAsSuchAndLongLinesAreCut() {
        HttpProtocolException binary = assertThrows(HttpProtocolException.class, () -> read("\0\0\u0015\u0003\n"));
        assertEquals("the server did not answer with an HTTP/1.x status line: ????", binary.getMessage());
        String eighty = "x".repeat(80);
        assertEquals("the server did not answer with an HTTP/1.x status line: " + eighty,
                assertThrows(HttpProtocolException.class, () -> read(eighty + "\r\n")).getMessage());
        assertEquals("the server did not answer with an HTTP/1.x status line: " + eighty + "...",
                assertThrows(HttpProtocolException.class, () -> read(eighty + "y\r\n")).getMessage());
    }

    @Test
    void headerValuesCannotBeChangedOnceRead() throws IOException {
        ResponseHead head = read("HTTP/1.1 200 OK\r\nX-Amzn-Invoked-Production-Variant: blue\r\n\r\n");
        assertThrows(UnsupportedOperationException.class,
                () -> head.headers().get("x-amzn-invoked-production-variant").add("green"));
    }

    private static ResponseHead read(String text) throws IOException {
        return ResponseHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
