package dev.sqlscore.infra.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL types a function may declare: only those the Snowflake provider 2.17.0 reads back exactly as written.
 * Every setting of {@code snowflake_external_function} but its comment forces a replacement, so a type that reads
 * back differently (a synonym, a length or precision) would drop and re-create the function on every update.
 */
final class SnowflakeTypes {

    /** The provider's read-back knows these three return types; any other fails the create or its refresh. */
    static final List<String> RETURN_TYPES = List.of("VARIANT", "OBJECT", "VARCHAR");

    /** Argument types as DESCRIBE FUNCTION prints them in the signature. */
    static final List<String> ARGUMENT_TYPES = List.of("ARRAY", "OBJECT", "VARIANT", "VARCHAR", "NUMBER", "FLOAT",
            "BOOLEAN", "DATE", "TIME", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ", "BINARY", "GEOGRAPHY",
            "GEOMETRY");

    /** Synonyms Snowflake stores under another name, and the name to write instead. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("STRING", "VARCHAR"), Map.entry("TEXT", "VARCHAR"), Map.entry("CHAR", "VARCHAR"),
            Map.entry("CHARACTER", "VARCHAR"), Map.entry("NCHAR", "VARCHAR"), Map.entry("NVARCHAR", "VARCHAR"),
            Map.entry("INT", "NUMBER"), Map.entry("INTEGER", "NUMBER"), Map.entry("BIGINT", "NUMBER"),
            Map.entry("SMALLINT", "NUMBER"), Map.entry("TINYINT", "NUMBER"), Map.entry("BYTEINT", "NUMBER"),
            Map.entry("DECIMAL", "NUMBER"), Map.entry("NUMERIC", "NUMBER"), Map.entry("DOUBLE", "FLOAT"),
            Map.entry("REAL", "FLOAT"), Map.entry("FLOAT4", "FLOAT"), Map.entry("FLOAT8", "FLOAT"),
            Map.entry("VARBINARY", "BINARY"), Map.entry("DATETIME", "TIMESTAMP_NTZ"),
            Map.entry("TIMESTAMP", "TIMESTAMP_NTZ, TIMESTAMP_LTZ or TIMESTAMP_TZ (whichever your account's "
                    + "TIMESTAMP_TYPE_MAPPING means)"));

    private SnowflakeTypes() {
    }

    /** The problem with an argument type, if any; {@code type} is upper case without blanks. */
    static Optional<String> argumentProblem(String type) {
        if (type.contains("(")) {
            return Optional.of("'" + type + "' is not allowed: write the type without length or precision ("
                    + type.substring(0, type.indexOf('(')) + "). The Snowflake provider strips parentheses when it "
                    + "reads the function back, so the type would differ on every update and every update would "
                    + "drop and re-create the function");
        }
        if (SYNONYMS.containsKey(type)) {
            return Optional.of("'" + type + "' is not allowed: Snowflake stores it as another type, so it would "
                    + "differ on every update and every update would drop and re-create the function; write "
                    + SYNONYMS.get(type));
        }
        if (!ARGUMENT_TYPES.contains(type)) {
            return Optional.of("'" + type + "' is not allowed; use one of " + String.join(", ", ARGUMENT_TYPES));
        }
        return Optional.empty();
    }

    /** The problem with a return type, if any; {@code type} is upper case without blanks. */
    static Optional<String> returnProblem(String type) {
        if (RETURN_TYPES.contains(type)) {
            return Optional.empty();
        }
        return Optional.of("'" + type + "' is not allowed; use VARIANT, OBJECT or VARCHAR, the return types the "
                + "Snowflake provider reads back. For a typed column, cast in SQL: select F(...)::FLOAT");
    }

    static String normalize(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
