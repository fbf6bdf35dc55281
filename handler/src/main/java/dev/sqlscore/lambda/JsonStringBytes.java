package dev.sqlscore.lambda;

/**
 * Decodes a JSON string straight from the event's UTF-8 bytes into the UTF-8 bytes it stands for, without the
 * char buffer and the {@code String} a JSON parser would build (the body is the event's one large value): two passes,
 * one to size the result exactly and one to fill it. As {@code String.getBytes(UTF_8)} of the parsed string would,
 * an unpaired surrogate escape becomes {@code ?}.
 */
final class JsonStringBytes {

    private JsonStringBytes() {
    }

    /**
     * @param json  the document
     * @param quote the offset of the string's opening quote
     * @throws IllegalArgumentException for an unterminated string or a bad escape
     */
    static byte[] decode(byte[] json, int quote) {
        if (quote < 0 || quote >= json.length || json[quote] != '"') {
            throw new IllegalArgumentException("no string at " + quote);
        }
        byte[] out = new byte[scan(json, quote + 1, null)];
        scan(json, quote + 1, out);
        return out;
    }

    /** Decodes from {@code start} to the closing quote into {@code out} (when not null); the decoded length. */
    private static int scan(byte[] json, int start, byte[] out) {
        int length = 0;
        int i = start;
        while (true) {
            int run = i;
            while (i < json.length && json[i] != '"' && json[i] != '\\') {
                i++;
            }
            if (out != null) {
                System.arraycopy(json, run, out, length, i - run);
            }
            length += i - run;
            if (i >= json.length) {
                throw new IllegalArgumentException("unterminated string");
            }
            if (json[i] == '"') {
                return length;
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
                    out[length] = (byte) simple;
                }
                length++;
                continue;
            }
            int unit = hex4(json, i);
            i += 4;
            int codePoint = unit;
            if (Character.isHighSurrogate((char) unit) && i + 5 < json.length && json[i] == '\\' && json[i + 1] == 'u') {
                int low = hex4(json, i + 2);
                if (Character.isLowSurrogate((char) low)) {
                    codePoint = Character.toCodePoint((char) unit, (char) low);
                    i += 6;
                }
            }
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                codePoint = '?';
            }
            length += utf8(codePoint, out, length);
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
