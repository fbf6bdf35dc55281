package dev.sqlscore.snowflake;

import dev.sqlscore.json.JsonValues;
import dev.sqlscore.errors.InvalidBatchException;
import dev.sqlscore.errors.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Undoes gzip when the body still has it. API Gateway normally decompresses Snowflake's gzip request and
 * leaves the {@code Content-Encoding} header behind, so the header is not trusted: the gzip magic bytes are.
 */
public final class RequestBody {

    /**
     * Largest body accepted, before or after decompression. Far above what API Gateway (10 MB) and Lambda
     * (6 MB) carry, so it only stops decompression bombs and runaway local calls.
     */
    public static final int MAX_BYTES = JsonValues.MAX_STRING_BYTES;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private RequestBody() {
    }

    public static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == GZIP_MAGIC_1 && (body[1] & 0xFF) == GZIP_MAGIC_2;
    }

    /**
     * The body as JSON bytes.
     *
     * @throws PayloadTooLargeException when the body, or what it decompresses to, exceeds {@link #MAX_BYTES}
     * @throws InvalidBatchException    when it starts like gzip but does not decompress
     */
    public static byte[] decode(byte[] body) {
        return decode(body, MAX_BYTES);
    }

    static byte[] decode(byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw tooLarge("The request body", maxBytes);
        }
        if (!isGzip(body)) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024)) {
            // Reading one byte past the limit tells "exactly the limit" from "more": never inflate further.
            byte[] inflated = in.readNBytes(maxBytes + 1);
            if (inflated.length > maxBytes) {
                throw tooLarge("The request body, once decompressed from gzip,", maxBytes);
            }
            return inflated;
        } catch (IOException e) {
            throw new InvalidBatchException("The request body starts with gzip's magic bytes but is not valid gzip ("
                    + e.getClass().getSimpleName() + "); send plain JSON or complete gzip data", e);
        }
    }

    private static PayloadTooLargeException tooLarge(String what, int maxBytes) {
        return new PayloadTooLargeException(what + " exceeds the handler's limit of " + maxBytes
                + " bytes; lower MAX_BATCH_ROWS on the external function so Snowflake sends smaller batches");
    }
}
