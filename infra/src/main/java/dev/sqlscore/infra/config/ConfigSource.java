package dev.sqlscore.infra.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stack configuration as plain text by fully qualified key ({@code sqlscore:database}, {@code snowflake:user});
 * structured values (lists, objects) arrive as JSON text, as Pulumi stores them. A map stands in for it in tests.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    /** Every key the stack sets, to find keys nothing reads; empty when the source cannot list them. */
    default Set<String> keys() {
        return Set.of();
    }

    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }
        };
    }
}
