package dev.sqlscore.snowflake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Request headers looked up case-insensitively: API Gateway and proxies may change a name's case.
 * Immutable.
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, List<String>> values;

    private HttpHeaders(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** From single values, as API Gateway's {@code headers} map gives them. Null names and values are skipped. */
    public static HttpHeaders ofSingle(Map<String, String> headers) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    map.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            });
        }
        return freeze(map);
    }

    /** From lists of values, as API Gateway's {@code multiValueHeaders} map gives them. */
    public static HttpHeaders ofMulti(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, list) -> {
                if (name != null && list != null) {
                    for (String value : list) {
                        if (value != null) {
                            map.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                        }
                    }
                }
            });
        }
        return freeze(map);
    }

    private static HttpHeaders freeze(TreeMap<String, List<String>> map) {
        map.replaceAll((name, list) -> List.copyOf(list));
        return new HttpHeaders(map);
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Header names as received, for iteration (e.g. every {@code sf-custom-*} entry). */
    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Total bytes of names and values, for size limits. */
    public int sizeInChars() {
        int size = 0;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                size += e.getKey().length() + v.length();
            }
        }
        return size;
    }

    /** Names only: header values can hold row-derived or secret data. */
    @Override
    public String toString() {
        return "HttpHeaders" + values.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
