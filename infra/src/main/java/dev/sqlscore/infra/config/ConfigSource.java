package dev.sqlscore.infra.config;

import java.util.Map;
import java.util.Optional;

/**
 * Stack configuration as plain text by fully qualified key ({@code sqlscore:database}, {@code snowflake:user});
 * structured values (lists, objects) arrive as JSON text, as Pulumi stores them. A map stands in for it in tests.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
