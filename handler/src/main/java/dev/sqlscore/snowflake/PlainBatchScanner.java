package dev.sqlscore.snowflake;

import dev.sqlscore.json.ByteBuilder;
import dev.sqlscore.payload.EncodedRows;
import dev.sqlscore.payload.PayloadFormat;
import java.util.Arrays;

/**
 * The batch Snowflake sends, read at byte level: {@code {"data":[[0,[1.5,2,...]],[1,...],...]}} with rows numbered
 * 0, 1, 2, ... and features that are numbers, booleans and NULLs, as arguments or as the elements of one ARRAY
 * argument. Each row is written for the model as it is scanned, numbers copied byte for byte.
 *
 * <p>It accepts only that shape: at the first byte of anything else (a string, a nested value, another key, row
 * numbers that do not ascend, a syntax error, a limit) it gives up and {@link BatchParser} reads the batch again with
 * the JSON parser, whose rules and messages then apply. So it never decides that a batch is invalid, and for every
 * batch it accepts it gives what the JSON parser would (held to it by {@code EncodingParserTest}).
 */
final class PlainBatchScanner {

    /** As Jackson's default limit on a number's length: longer ones are left to it. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** Row numbers of up to 18 digits fit a long. */
    private static final int MAX_ROW_NUMBER_DIGITS = 18;

    private final byte[] in;
    private final PayloadFormat format;
    private final ByteBuilder out;
    private int at;
    private long[] rowNumbers;
    private int count;
    private int[] offsets;
    private int encodedCount;
    private int[] noInput = new int[8];
    private int noInputCount;

    private PlainBatchScanner(byte[] in, PayloadFormat format) {
        this.in = in;
        this.format = format;
        this.out = new ByteBuilder(in.length);
        int expectedRows = Math.min(BatchParser.MAX_ROWS, 16 + in.length / 64);
        this.rowNumbers = new long[expectedRows];
        this.offsets = new int[expectedRows + 1];
    }

    /** The batch, or null when it is not the plain shape (the caller then parses it as JSON). */
    static ParsedBatch scan(byte[] json, PayloadFormat format) {
        PlainBatchScanner scanner = new PlainBatchScanner(json, format);
        if (!scanner.batch()) {
            return null;
        }
        return new ParsedBatch(Arrays.copyOf(scanner.rowNumbers, scanner.count),
                Arrays.copyOf(scanner.noInput, scanner.noInputCount),
                EncodedRows.of(format, scanner.out, scanner.offsets, scanner.encodedCount));
    }

    private boolean batch() {
        if (!(skip('{') && key() && skip(':') && skip('['))) {
            return false;
        }
        whitespace();
        if (peek() == ']') {
            at++;
        } else {
            do {
                if (!row()) {
                    return false;
                }
            } while (skip(','));
            if (!skip(']')) {
                return false;
            }
        }
        if (!skip('}')) {
            return false;
        }
        whitespace();
        return at == in.length;
    }

    /** {@code "data"}, exactly. */
    private boolean key() {
        whitespace();
        if (at + 6 > in.length || in[at] != '"' || in[at + 1] != 'd' || in[at + 2] != 'a' || in[at + 3] != 't'
                || in[at + 4] != 'a' || in[at + 5] != '"') {
            return false;
        }
        at += 6;
        return true;
    }

    private boolean row() {
        if (count == BatchParser.MAX_ROWS || !skip('[')) {
            return false;
        }
        whitespace();
        long rowNumber = rowNumber();
        if (rowNumber < 0 || count > 0 && rowNumber <= rowNumbers[count - 1]) {
            return false;
        }
        if (count == rowNumbers.length) {
            rowNumbers = Arrays.copyOf(rowNumbers, rowNumbers.length * 2);
        }
        rowNumbers[count] = rowNumber;
        int mark = out.size();
        format.startRow(out);
        boolean input = false;
        int features = 0;
        whitespace();
        if (skip(',')) {
            whitespace();
            if (peek() == '[') {
                // One ARRAY argument, whose elements are the features; nothing may follow it.
                at++;
                whitespace();
                if (peek() != ']') {
                    do {
                        int value = value(features++);
                        if (value < 0) {
                            return false;
                        }
                        input |= value == 1;
                    } while (skip(','));
                }
                if (!skip(']')) {
                    return false;
                }
            } else {
                do {
                    int value = value(features++);
                    if (value < 0) {
                        return false;
                    }
                    input |= value == 1;
                } while (skip(','));
            }
        }
        if (!skip(']')) {
            return false;
        }
        if (input) {
            format.endRow(out);
            if (encodedCount + 1 == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[++encodedCount] = out.size();
        } else {
            out.truncate(mark);
            if (noInputCount == noInput.length) {
                noInput = Arrays.copyOf(noInput, noInput.length * 2);
            }
            noInput[noInputCount++] = count;
        }
        count++;
        return true;
    }

    /** A non-negative whole number of at most 18 digits without a leading zero; -1 for anything else. */
    private long rowNumber() {
        int start = at;
        long value = 0;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at] - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > MAX_ROW_NUMBER_DIGITS || digits > 1 && in[start] == '0' || !endsValue()) {
            return -1;
        }
        return value;
    }

    /**
     * Writes the next plain value as feature number {@code feature}: 1 for a value, 0 for NULL, -1 (writing nothing
     * of use) for anything that is not plain or not well formed.
     */
    private int value(int feature) {
        whitespace();
        if (at >= in.length) {
            return -1;
        }
        if (feature > 0) {
            out.append((byte) ',');
        }
        switch (in[at]) {
            case 't' -> {
                format.writeBoolean(true, out);
                return literal("true") ? 1 : -1;
            }
            case 'f' -> {
                format.writeBoolean(false, out);
                return literal("false") ? 1 : -1;
            }
            case 'n' -> {
                format.writeNull(out);
                return literal("null") ? 0 : -1;
            }
            default -> {
                // a number, or not a plain value
            }
        }
        int start = at;
        if (!number()) {
            return -1;
        }
        out.append(in, start, at - start);
        return 1;
    }

    private boolean literal(String word) {
        if (at + word.length() > in.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return endsValue();
    }

    /** JSON's number grammar, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, then the end of the value. */
    private boolean number() {
        int start = at;
        if (at < in.length && in[at] == '-') {
            at++;
        }
        if (at < in.length && in[at] == '0') {
            at++;
        } else if (digits() == 0) {
            return false;
        }
        if (at < in.length && in[at] == '.') {
            at++;
            if (digits() == 0) {
                return false;
            }
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            if (at < in.length && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        return at - start <= MAX_NUMBER_LENGTH && endsValue();
    }

    private int digits() {
        byte[] bytes = in;
        int i = at;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        int count = i - at;
        at = i;
        return count;
    }

    /** What may follow a value inside an array: whitespace, a comma or the array's end. */
    private boolean endsValue() {
        if (at >= in.length) {
            return false;
        }
        byte next = in[at];
        return next == ',' || next == ']' || next == ' ' || next == '\n' || next == '\r' || next == '\t';
    }

    private void whitespace() {
        byte[] bytes = in;
        int i = at;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        at = i;
    }

    private int peek() {
        return at < in.length ? in[at] : -1;
    }

    /** Whitespace, then {@code c}: whether it was there (consumed) or not. */
    private boolean skip(char c) {
        whitespace();
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

}
