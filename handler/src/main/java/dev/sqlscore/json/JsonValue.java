package dev.sqlscore.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A JSON value that keeps numbers as the text they arrived in, so a 38-digit NUMBER, {@code 1E400} or
 * {@code -0} reaches the model and Snowflake exactly as sent (a double or BigDecimal round trip would not).
 * Immutable. {@code toString()} is the JSON text: it is row data, never log it.
 */
public sealed interface JsonValue {

    NullValue NULL = new NullValue();
    BooleanValue TRUE = new BooleanValue(true);
    BooleanValue FALSE = new BooleanValue(false);

    /** Appends this value as JSON text (UTF-8). */
    void writeJson(ByteBuilder out);

    /** This value as compact JSON text. */
    default String toJson() {
        ByteBuilder out = new ByteBuilder(32);
        writeJson(out);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    /** A JSON number; {@code text} is its literal as received, which the parser has checked. */
    record NumberValue(String text) implements JsonValue {
        public NumberValue {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeJson(ByteBuilder out) {
            out.appendAscii(text);
        }

        /** Length only: the number is row data. */
        @Override
        public String toString() {
            return "NumberValue[" + text.length() + " chars]";
        }
    }

    record StringValue(String value) implements JsonValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void writeJson(ByteBuilder out) {
            out.appendJsonString(value);
        }

        /** Length only: the string is row data. */
        @Override
        public String toString() {
            return "StringValue[" + value.length() + " chars]";
        }
    }

    record BooleanValue(boolean value) implements JsonValue {
        @Override
        public void writeJson(ByteBuilder out) {
            out.appendAscii(value ? "true" : "false");
        }
    }

    record NullValue() implements JsonValue {
        @Override
        public void writeJson(ByteBuilder out) {
            out.appendAscii("null");
        }
    }

    record ArrayValue(List<JsonValue> elements) implements JsonValue {
        public ArrayValue {
            elements = List.copyOf(elements);
        }

        @Override
        public void writeJson(ByteBuilder out) {
            writeArray(elements, out);
        }
    }

    /** Members in their received order, duplicates kept: nested values travel as they came. */
    record ObjectValue(List<Member> members) implements JsonValue {
        public ObjectValue {
            members = List.copyOf(members);
        }

        @Override
        public void writeJson(ByteBuilder out) {
            out.append((byte) '{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append((byte) ',');
                }
                out.appendJsonString(members.get(i).name()).append((byte) ':');
                members.get(i).value().writeJson(out);
            }
            out.append((byte) '}');
        }
    }

    record Member(String name, JsonValue value) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** Leaves the name out: keys of a row's object are row data too. */
        @Override
        public String toString() {
            return "Member[value=" + value + "]";
        }
    }

    /** {@code [v1,v2,...]}: a row's features in the JSON formats, an array value anywhere. */
    static void writeArray(List<JsonValue> values, ByteBuilder out) {
        out.append((byte) '[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            values.get(i).writeJson(out);
        }
        out.append((byte) ']');
    }
}
