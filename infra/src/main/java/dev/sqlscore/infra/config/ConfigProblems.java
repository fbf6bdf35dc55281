package dev.sqlscore.infra.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks raw configuration text and collects every problem, so one preview reports all of them. Each check returns
 * the parsed value, or {@code null} (or the given fallback) after recording a problem that names the key.
 */
final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    void add(String key, String problem) {
        problems.add(key + ": " + problem);
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
