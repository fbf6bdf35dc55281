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

    /** What {@link #values()} found: a value that is not NULL, only NULLs (or nothing), or something not plain. */
    private static final int INPUT = 1;
    private static final int NULLS_ONLY = 0;
    private static final int NOT_PLAIN = -1;

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
        int features = NULLS_ONLY;
        if (skip(',')) {
            whitespace();
            if (peek() == '[') {
                // One ARRAY argument, whose elements are the features; nothing may follow it.
                at++;
                whitespace();
                if (peek() != ']') {
                    features = values();
                }
                if (features == NOT_PLAIN || !skip(']')) {
                    return false;
                }
            } else {
                features = values();
                if (features == NOT_PLAIN) {
                    return false;
                }
            }
        }
        if (!skip(']')) {
            return false;
        }
        if (features == INPUT) {
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
        if (digits == 0 || digits > MAX_ROW_NUMBER_DIGITS || digits > 1 && in[start] == '0' || !endsValue(in, at)) {
            return -1;
        }
        return value;
    }

    /**
     * A list of plain values separated by commas, written for the model from {@code at} to the first byte after it
     * that is not a comma: {@link #INPUT}, {@link #NULLS_ONLY}, or {@link #NOT_PLAIN} (having written part of it)
     * when a value is not plain or not well formed. Numbers and the commas between them are copied as they stand, a
     * run of them in one piece: only whitespace and the literals break a run.
     */
    private int values() {
        byte[] bytes = in;
        int end = bytes.length;
        int i = at;
        int run = i;
        int found = NULLS_ONLY;
        while (true) {
            if (i < end && isWhitespace(bytes[i])) {
                out.append(bytes, run, i - run);
                i = whitespace(bytes, i);
                run = i;
            }
            if (i >= end) {
                return NOT_PLAIN;
            }
            byte first = bytes[i];
            if (first == 't' || first == 'f' || first == 'n') {
                out.append(bytes, run, i - run);
                String word = first == 't' ? "true" : first == 'f' ? "false" : "null";
                if (!literal(bytes, i, word)) {
                    return NOT_PLAIN;
                }
                if (first == 'n') {
                    format.writeNull(out);
                } else {
                    format.writeBoolean(first == 't', out);
                    found = INPUT;
                }
                i += word.length();
                run = i;
            } else {
                i = number(bytes, i);
                if (i < 0) {
                    return NOT_PLAIN;
                }
                found = INPUT;
                // A comma straight after a number, the common case: none of the checks below can fail on it.
                if (i < end && bytes[i] == ',') {
                    i++;
                    continue;
                }
            }
            if (!endsValue(bytes, i)) {
                return NOT_PLAIN;
            }
            if (isWhitespace(bytes[i])) {
                out.append(bytes, run, i - run);
                i = whitespace(bytes, i);
                run = i;
            }
            if (i >= end || bytes[i] != ',') {
                out.append(bytes, run, i - run);
                at = i;
                return found;
            }
            i++;
        }
    }

    private static boolean literal(byte[] bytes, int at, String word) {
        if (at + word.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (bytes[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * JSON's number grammar, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, from {@code start}: the index
     * after it, or -1 when there is none or it is longer than Jackson takes.
     */
    private static int number(byte[] bytes, int start) {
        int end = bytes.length;
        int i = start;
        if (i < end && bytes[i] == '-') {
            i++;
        }
        if (i < end && bytes[i] == '0') {
            i++;
        } else {
            int digits = i;
            i = digits(bytes, i);
            if (i == digits) {
                return -1;
            }
        }
        if (i < end && bytes[i] == '.') {
            int digits = ++i;
            i = digits(bytes, i);
            if (i == digits) {
                return -1;
            }
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int digits = i;
            i = digits(bytes, i);
            if (i == digits) {
                return -1;
            }
        }
        return i - start <= MAX_NUMBER_LENGTH ? i : -1;
    }

    /** One load and one comparison per byte: Lambda's JIT (C1 only) compiles loops as they are written. */
    private static int digits(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && (bytes[i] - '0' & 0xFF) < 10) {
            i++;
        }
        return i;
    }

    /** What may follow a value inside an array, at {@code at}: whitespace, a comma or the array's end. */
    private static boolean endsValue(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return false;
        }
        byte next = bytes[at];
        return next == ',' || next == ']' || isWhitespace(next);
    }

    private void whitespace() {
        at = whitespace(in, at);
    }

    private static int whitespace(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && isWhitespace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int peek() {
        return at < in.length ? in[at] : -1;
    }

    /** Whitespace, then {@code c}: whether it was there (consumed) or not. The byte first: whitespace is rare. */
    private boolean skip(char c) {
        if (peek() != c) {
            whitespace();
            if (peek() != c) {
                return false;
            }
        }
        at++;
        return true;
    }

}
