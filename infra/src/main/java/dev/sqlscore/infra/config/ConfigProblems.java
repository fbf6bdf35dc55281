package dev.sqlscore.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks raw configuration text and collects every problem, so one preview reports all of them. Each check returns
 * the parsed value, or {@code null} (or the given fallback) after recording a problem that names the key.
 */
final class ConfigProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    void add(String key, String problem) {
        problems.add(key + ": " + problem);
    }

    /**
     * A list of strings, as Pulumi hands a list-typed key over (JSON text); a single string is taken as a list of
     * one, since {@code pulumi config set key value} stores one.
     */
    List<String> stringList(String key, String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            return List.of(raw.strip());
        }
        if (node.isTextual()) {
            return List.of(node.asText().strip());
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isTextual()) {
                    values.add(item.asText().strip());
                } else {
                    add(key, "holds " + item + ", not a string; write a list of strings");
                }
            }
            return values;
        }
        add(key, "is not a list; write a list of strings, e.g. [vpc-0123456789abcdef0]");
        return values;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    String required(String key, String raw, String whatItIs) {
        if (isBlank(raw)) {
            add(key, "is required (" + whatItIs + ")");
            return null;
        }
        return raw.strip();
    }

    /** A value that must match {@code pattern}; blank means "not set" and gives {@code null}. */
    String matching(String key, String raw, Pattern pattern, String allowed) {
        if (isBlank(raw)) {
            return null;
        }
        String value = raw.strip();
        if (!pattern.matcher(value).matches()) {
            add(key, "'" + value + "' is not allowed; expected " + allowed);
            return null;
        }
        return value;
    }

    String requiredMatching(String key, String raw, Pattern pattern, String allowed) {
        return required(key, raw, allowed) == null ? null : matching(key, raw, pattern, allowed);
    }

    /** An unquoted Snowflake identifier, returned upper-case (as Snowflake resolves it). */
    String identifier(String key, String raw, boolean required) {
        String allowed = "an unquoted Snowflake identifier (letters, digits, _ and $, starting with a letter or _)";
        String value = required ? requiredMatching(key, raw, Patterns.SQL_IDENTIFIER, allowed)
                : matching(key, raw, Patterns.SQL_IDENTIFIER, allowed);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    String oneOf(String key, String raw, String fallback, List<String> allowed) {
        if (isBlank(raw)) {
            return fallback;
        }
        String value = raw.strip();
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        add(key, "'" + value + "' is not allowed; use one of " + String.join(", ", allowed));
        return fallback;
    }

    Integer integer(String key, String raw, Integer fallback, int min, int max) {
        if (isBlank(raw)) {
            return fallback;
        }
        String value = raw.strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        add(key, "'" + value + "' is not allowed; expected a whole number from " + min + " to " + max);
        return fallback;
    }

    boolean bool(String key, String raw, boolean fallback) {
        if (isBlank(raw)) {
            return fallback;
        }
        String value = raw.strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        add(key, "'" + value + "' is not allowed; use true or false");
        return fallback;
    }

    static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
