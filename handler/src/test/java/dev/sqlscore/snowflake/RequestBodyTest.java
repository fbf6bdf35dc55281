package dev.sqlscore.snowflake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.errors.InvalidBatchException;
import dev.sqlscore.errors.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void plainJsonPassesThroughUntouched() {
        byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
        assertSame(body, RequestBody.decode(body));
    }

    @Test
    void gzipIsUndoneByItsMagicBytes() {
        byte[] plain = "{\"data\":[[0,\"\u00e9\"]]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(RequestBody.isGzip(Gzip.compress(plain)));
        assertArrayEquals(plain, RequestBody.decode(Gzip.compress(plain)));
    }

    @Test
    void corruptOrTruncatedGzipIsABadBatch() {
        byte[] zipped = Gzip.compress("{\"data\":[[0,1]]}".getBytes(StandardCharsets.UTF_8));
        byte[] corrupt = zipped.clone();
        corrupt[12] ^= 0x5A;
        corrupt[13] ^= 0x5A;
        InvalidBatchException bad = assertThrows(InvalidBatchException.class, () -> RequestBody.decode(corrupt));
        assertTrue(bad.getMessage().contains("not valid gzip"), bad.getMessage());
        byte[] truncated = Arrays.copyOf(zipped, zipped.length - 6);
        assertThrows(InvalidBatchException.class, () -> RequestBody.decode(truncated));
        assertThrows(InvalidBatchException.class, () -> RequestBody.decode(new byte[] {0x1f, (byte) 0x8b}));
    }

    @Test
    void bodiesOverTheLimitAre413BeforeAndAfterDecompression() {
        PayloadTooLargeException raw = assertThrows(PayloadTooLargeException.class,
                () -> RequestBody.decode(new byte[1_025], 1_024));
        assertEquals(413, raw.httpStatus());
        assertTrue(raw.getMessage().contains("1024 bytes"), raw.getMessage());
        // A bomb: a few hundred bytes of gzip that inflate far past the limit.
        byte[] bomb = Gzip.compress(new byte[1_000_000]);
        assertTrue(bomb.length < 2_000);
        PayloadTooLargeException inflated = assertThrows(PayloadTooLargeException.class,
                () -> RequestBody.decode(bomb, 10_000));
        assertTrue(inflated.getMessage().contains("decompressed"), inflated.getMessage());
        assertTrue(inflated.getMessage().contains("MAX_BATCH_ROWS"), inflated.getMessage());
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        assertEquals(1_024, RequestBody.decode(Gzip.compress(new byte[1_024]), 1_024).length);
        assertEquals(1_024, RequestBody.decode(new byte[1_024], 1_024).length);
    }
}
