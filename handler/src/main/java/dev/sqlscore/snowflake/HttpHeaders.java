package dev.sqlscore.snowflake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Request headers looked up case-insensitively: API Gateway and proxies may change a name's case.
 * Immutable.
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(Map.of());

    /**
     * Each header under its name folded as {@link String#CASE_INSENSITIVE_ORDER} compares names, in the order first
     * received: a hash lookup per header asked for, where a case-insensitive tree compared names a character at a time
     * (Snowflake's share a long {@code sf-external-function-} prefix).
     */
    private final Map<String, Header> headers;

    /** A header's name as first received, and its values in order. */
    private record Header(String name, List<String> values) {
    }

    private HttpHeaders(Map<String, Header> headers) {
        this.headers = headers;
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** From single values, as API Gateway's {@code headers} map gives them. Null names and values are skipped. */
    public static HttpHeaders ofSingle(Map<String, String> headers) {
        Builder builder = builder();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    builder.add(name, value);
                }
            });
        }
        return builder.build();
    }

    /** From lists of values, as API Gateway's {@code multiValueHeaders} map gives them. */
    public static HttpHeaders ofMulti(Map<String, List<String>> headers) {
        Builder builder = builder();
        if (headers != null) {
            headers.forEach((name, list) -> {
                if (name != null && list != null) {
                    for (String value : list) {
                        if (value != null) {
                            builder.add(name, value);
                        }
                    }
                }
            });
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> first(String name) {
        Header header = headers.get(fold(name));
        return header == null ? Optional.empty() : Optional.of(header.values().get(0));
    }

    public List<String> all(String name) {
        Header header = headers.get(fold(name));
        return header == null ? List.of() : header.values();
    }

    /** Each header's name once, as first received, in the order received (e.g. to find every {@code sf-custom-*}). */
    public List<String> names() {
        List<String> names = new ArrayList<>(headers.size());
        for (Header header : headers.values()) {
            names.add(header.name());
        }
        return names;
    }

    /** Total bytes of names and values, for size limits. */
    public int sizeInChars() {
        int size = 0;
        for (Header header : headers.values()) {
            for (String value : header.values()) {
                size += header.name().length() + value.length();
            }
        }
        return size;
    }

    /** Names only: header values can hold row-derived or secret data. */
    @Override
    public String toString() {
        return "HttpHeaders" + headers.values().stream().map(Header::name).sorted(String.CASE_INSENSITIVE_ORDER)
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The name as {@link String#CASE_INSENSITIVE_ORDER} sees it: two names compare equal there exactly when each
     * character, upper-cased then lower-cased, is the same.
     */
    static String fold(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                StringBuilder folded = new StringBuilder(name.length());
                name.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
                return folded.toString();
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Headers gathered one value at a time, as an event is read. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Header> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** Another value of {@code name}, after those it has, whatever the case it came in before. */
        public Builder add(String name, String value) {
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(fold(name), key -> new Header(name, new ArrayList<>(1))).values().add(value);
            return this;
        }

        /** Whether {@code name}, in any case, has a value yet. */
        public boolean has(String name) {
            return headers.containsKey(fold(name));
        }

        public HttpHeaders build() {
            Map<String, Header> frozen = new LinkedHashMap<>(headers.size() * 2);
            headers.forEach((key, header) -> frozen.put(key, new Header(header.name(), List.copyOf(header.values()))));
            return new HttpHeaders(frozen);
        }
    }
}
