package dev.sqlscore.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that writes UTF-8 and JSON text without intermediate strings. Not thread-safe;
 * unlike {@link java.io.ByteArrayOutputStream} it lends out its array for slicing without a copy.
 */
public final class ByteBuilder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private byte[] bytes;
    private int size;

    public ByteBuilder(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    /** The backing array: valid up to {@link #size()}, and only until the next append. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * The bytes, without a copy when the builder was sized exactly: for a builder whose array is handed over, used
     * no further.
     */
    public byte[] toByteArrayHandingOver() {
        return size == bytes.length ? bytes : toByteArray();
    }

    public ByteBuilder append(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    public ByteBuilder append(byte[] b) {
        return append(b, 0, b.length);
    }

    public ByteBuilder append(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Chars known to be ASCII (a number's literal, straight from the parser's buffer). */
    public ByteBuilder appendAscii(char[] chars, int offset, int length) {
        ensure(length);
        byte[] target = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            target[at + i] = (byte) chars[offset + i];
        }
        size = at + length;
        return this;
    }

    /** A whole number in decimal, without an intermediate string. */
    public ByteBuilder appendLong(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return appendAscii(Long.toString(value));
            }
            append((byte) '-');
            value = -value;
        }
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        ensure(digits);
        byte[] target = bytes;
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            long rest = value / 10;
            target[i] = (byte) ('0' + (value - rest * 10));
            value = rest;
        }
        size = end;
        return this;
    }

    /** Drops everything after the first {@code newSize} bytes. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize + " outside 0.." + size);
        }
        size = newSize;
    }

    /** For text known to be ASCII (numbers, keywords, names we write). */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exactly ASCII's
    public ByteBuilder appendAscii(String s) {
        int length = s.length();
        ensure(length);
        // One copy of the string's bytes: under Lambda's JIT (C1) a loop over charAt checks each index twice.
        s.getBytes(0, length, bytes, size);
        size += length;
        return this;
    }

    /** UTF-8; an unpaired surrogate (legal in JSON escapes, not encodable) becomes U+FFFD. */
    public ByteBuilder appendUtf8(String s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                i = appendNonAscii(s, i, false);
            }
        }
        return this;
    }

    /** A JSON string literal, quotes included: RFC 8259 escapes, other characters as UTF-8. */
    public ByteBuilder appendJsonString(String s) {
        ensure(s.length() + 2);
        bytes[size++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = appendNonAscii(s, i, true);
            } else if (c == '"' || c == '\\') {
                append((byte) '\\').append((byte) c);
            } else if (c >= 0x20) {
                append((byte) c);
            } else {
                appendJsonControl(c);
            }
        }
        return append((byte) '"');
    }

    private void appendJsonControl(char c) {
        switch (c) {
            case '\n' -> append((byte) '\\').append((byte) 'n');
            case '\r' -> append((byte) '\\').append((byte) 'r');
            case '\t' -> append((byte) '\\').append((byte) 't');
            case '\b' -> append((byte) '\\').append((byte) 'b');
            case '\f' -> append((byte) '\\').append((byte) 'f');
            default -> appendUnicodeEscape(c);
        }
    }

    private void appendUnicodeEscape(char c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 0xF];
        bytes[size++] = HEX[(c >> 8) & 0xF];
        bytes[size++] = HEX[(c >> 4) & 0xF];
        bytes[size++] = HEX[c & 0xF];
    }

    /** Writes the character at {@code i} (and its low surrogate); returns the index of the last char used. */
    private int appendNonAscii(String s, int i, boolean json) {
        char c = s.charAt(i);
        int codePoint = c;
        int last = i;
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            codePoint = Character.toCodePoint(c, s.charAt(i + 1));
            last = i + 1;
        } else if (Character.isSurrogate(c)) {
            if (json) {
                appendUnicodeEscape(c);
                return i;
            }
            codePoint = REPLACEMENT_CHARACTER;
        }
        ensure(4);
        if (codePoint < 0x800) {
            bytes[size++] = (byte) (0xC0 | (codePoint >> 6));
        } else if (codePoint < 0x10000) {
            bytes[size++] = (byte) (0xE0 | (codePoint >> 12));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        } else {
            bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        }
        bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
        return last;
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            int wanted = Math.max(size + extra, bytes.length * 2);
            if (wanted < 0) {
                throw new OutOfMemoryError("buffer larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, wanted);
        }
    }
}
