package dev.sqlscore.snowflake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole-body gzip, as {@code Content-Encoding: gzip} uses it. Unbounded: for bodies whose size is already bounded
 * (Snowflake's requests are inflated by {@link RequestBody}, which guards against decompression bombs).
 */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not gzip data */
    public static byte[] decompress(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("the body says Content-Encoding: gzip but is not gzip data", e);
        }
    }

    public static boolean isGzip(String contentEncoding) {
        return contentEncoding != null && contentEncoding.strip().equalsIgnoreCase("gzip");
    }
}
