package dev.sqlscore.lambda;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes a JSON string straight from the event's UTF-8 bytes into the UTF-8 bytes it stands for, without the
 * char buffer and the {@code String} a JSON parser would build (the body is the event's one large value): two passes,
 * one to size the result exactly and one to fill it. As {@code String.getBytes(UTF_8)} of the parsed string would,
 * an unpaired surrogate escape becomes {@code ?}.
 */
final class JsonStringBytes {

    /** Eight bytes at a time, to find the next quote or backslash in the long runs between them. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private JsonStringBytes() {
    }

    /**
     * The index of the first quote, backslash or control character (which JSON does not allow unescaped) at or after
     * {@code from}, or {@code json.length}.
     */
    static int nextSpecial(byte[] json, int from) {
        int i = from;
        while (i + Long.BYTES <= json.length) {
            long word = (long) WORDS.get(json, i);
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            // A byte is zero in x exactly where it matched; the lowest flagged byte is the first match.
            long found = (quotes - ONES) & ~quotes & HIGHS | (backslashes - ONES) & ~backslashes & HIGHS
                    | (word - SPACES) & ~word & HIGHS; // a byte below 0x20

            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < json.length && json[i] != '"' && json[i] != '\\' && (json[i] < 0 || json[i] >= 0x20)) {
            i++;
        }
        return i;
    }

    /** A string decoded, and the index of its closing quote. */
    record Decoded(byte[] bytes, int closingQuote) {
    }

    /**
     * @param json  the document
     * @param quote the offset of the string's opening quote
     * @throws IllegalArgumentException for an unterminated string or a bad escape
     */
    static Decoded decode(byte[] json, int quote) {
        if (quote < 0 || quote >= json.length || json[quote] != '"') {
            throw new IllegalArgumentException("no string at " + quote);
        }
        long sized = scan(json, quote + 1, null);
        byte[] out = new byte[(int) sized];
        scan(json, quote + 1, out);
        return new Decoded(out, (int) (sized >>> 32));
    }

    /**
     * As {@link #decode}, in one pass: the string is decoded where it stands (a decoded string is never longer than its
     * JSON, so nothing is overwritten before it is read), then copied out. {@code json} is changed up to the closing
     * quote; what follows it is not.
     */
    static Decoded decodeInPlace(byte[] json, int quote) {
        if (quote < 0 || quote >= json.length || json[quote] != '"') {
            throw new IllegalArgumentException("no string at " + quote);
        }
        long decoded = scan(json, quote + 1, json, quote + 1);
        int length = (int) decoded;
        return new Decoded(Arrays.copyOfRange(json, quote + 1, quote + 1 + length), (int) (decoded >>> 32));
    }

    /**
     * Decodes from {@code start} to the closing quote into {@code out} (when not null); the closing quote's index in
     * the high 32 bits, the decoded length in the low ones.
     */
    private static long scan(byte[] json, int start, byte[] out) {
        return scan(json, start, out, 0);
    }

    /** As {@link #scan(byte[], int, byte[])}, writing at {@code base} of {@code out}. */
    private static long scan(byte[] json, int start, byte[] out, int base) {
        int length = 0;
        int i = start;
        while (true) {
            int run = i;
            i = nextSpecial(json, i);
            if (out != null) {
                System.arraycopy(json, run, out, base + length, i - run);
            }
            length += i - run;
            if (i >= json.length) {
                throw new IllegalArgumentException("unterminated string");
            }
            if (json[i] == '"') {
                return (long) i << 32 | length;
            }
            if (json[i] != '\\') {
                throw new IllegalArgumentException("a control character not escaped");
            }
            if (i + 1 >= json.length) {
                throw new IllegalArgumentException("unterminated escape");
            }
            byte escaped = json[i + 1];
            i += 2;
            int simple = switch (escaped) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> -1;
                default -> throw new IllegalArgumentException("bad escape");
            };
            if (simple >= 0) {
                if (out != null) {
                    out[base + length] = (byte) simple;
                }
                length++;
                continue;
            }
            int unit = hex4(json, i);
            i += 4;
            int codePoint = unit;
            if (Character.isHighSurrogate((char) unit) && i + 5 < json.length && json[i] == '\\'
                    && json[i + 1] == 'u') {
                int low = hex4(json, i + 2);
                if (Character.isLowSurrogate((char) low)) {
                    codePoint = Character.toCodePoint((char) unit, (char) low);
                    i += 6;
                }
            }
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                codePoint = '?';
            }
            length += utf8(codePoint, out, base + length);
        }
    }

    private static int hex4(byte[] json, int at) {
        if (at + 4 > json.length) {
            throw new IllegalArgumentException("short \\u escape");
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(json[at + k], 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad \\u escape");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Writes {@code codePoint} as UTF-8 at {@code at} (when {@code out} is not null); its byte count. */
    private static int utf8(int codePoint, byte[] out, int at) {
        if (codePoint < 0x80) {
            if (out != null) {
                out[at] = (byte) codePoint;
            }
            return 1;
        }
        if (codePoint < 0x800) {
            if (out != null) {
                out[at] = (byte) (0xC0 | codePoint >> 6);
                out[at + 1] = (byte) (0x80 | codePoint & 0x3F);
            }
            return 2;
        }
        if (codePoint < 0x10000) {
            if (out != null) {
                out[at] = (byte) (0xE0 | codePoint >> 12);
                out[at + 1] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at + 2] = (byte) (0x80 | codePoint & 0x3F);
            }
            return 3;
        }
        if (out != null) {
            out[at] = (byte) (0xF0 | codePoint >> 18);
            out[at + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[at + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[at + 3] = (byte) (0x80 | codePoint & 0x3F);
        }
        return 4;
    }
}
