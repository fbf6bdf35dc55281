package dev.sqlscore.infra.plan;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The SQL the Snowflake provider runs for what the program registers: {@code CREATE API INTEGRATION},
 * {@code CREATE EXTERNAL FUNCTION} and {@code GRANT}, written from the registrations' inputs, so a plan shows the
 * objects as a Snowflake administrator would review them.
 */
final class SnowflakeSql {

    private SnowflakeSql() {
    }

    static List<String> statements(List<Mocks.ResourceArgs> registered) {
        List<String> sql = new ArrayList<>();
        registered.stream().filter(r -> r.type.equals("snowflake:index/apiIntegration:ApiIntegration"))
                .forEach(r -> sql.add(apiIntegration(r.inputs)));
        // Registrations arrive in the order the engine's threads made them: functions are listed by database,
        // schema and name, grants by their text, so the same stack plans as the same text every time.
        registered.stream().filter(r -> r.type.equals("snowflake:index/externalFunction:ExternalFunction"))
                .map(r -> r.inputs)
                .sorted(Comparator.comparing((Map<String, Object> in) -> String.valueOf(in.get("database")))
                        .thenComparing(in -> String.valueOf(in.get("schema")))
                        .thenComparing(in -> String.valueOf(in.get("name"))))
                .forEach(in -> sql.add(externalFunction(in)));
        registered.stream().filter(r -> r.type.equals(
                        "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole"))
                .map(r -> grant(r.inputs)).sorted().forEach(sql::add);
        return sql;
    }

    private static String apiIntegration(Map<String, Object> in) {
        return "CREATE API INTEGRATION " + in.get("name") + "\n"
                + "  API_PROVIDER = " + in.get("apiProvider") + "\n"
                + "  API_AWS_ROLE_ARN = " + literal(in.get("apiAwsRoleArn")) + "\n"
                + "  API_ALLOWED_PREFIXES = (" + list(in.get("apiAllowedPrefixes")) + ")\n"
                + "  ENABLED = " + String.valueOf(in.get("enabled")).toUpperCase(Locale.ROOT) + "\n"
                + "  COMMENT = " + literal(in.get("comment")) + ";";
    }

    private static String externalFunction(Map<String, Object> in) {
        StringBuilder sql = new StringBuilder("CREATE EXTERNAL FUNCTION ").append(in.get("database")).append('.')
                .append(in.get("schema")).append('.').append(in.get("name")).append('(')
                .append(arguments(in).stream().map(arg -> arg.get("name") + " " + arg.get("type"))
                        .collect(Collectors.joining(", "))).append(")\n")
                .append("  RETURNS ").append(in.get("returnType")).append('\n')
                .append("  ").append(in.get("nullInputBehavior")).append('\n')
                .append("  ").append(in.get("returnBehavior")).append('\n')
                .append("  COMMENT = ").append(literal(in.get("comment"))).append('\n')
                .append("  API_INTEGRATION = ").append(in.get("apiIntegration")).append('\n');
        List<Map<String, Object>> headers = maps(in.get("headers"));
        if (!headers.isEmpty()) {
            sql.append("  HEADERS = (").append(headers.stream()
                    .map(h -> literal(h.get("name")) + " = " + literal(h.get("value")))
                    .collect(Collectors.joining(", "))).append(")\n");
        }
        if (in.get("contextHeaders") instanceof List<?> context && !context.isEmpty()) {
            sql.append("  CONTEXT_HEADERS = (").append(context.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))).append(")\n");
        }
        if (in.get("maxBatchRows") instanceof Number rows) {
            sql.append("  MAX_BATCH_ROWS = ").append(rows.longValue()).append('\n');
        }
        if (in.get("compression") != null) {
            sql.append("  COMPRESSION = ").append(in.get("compression")).append('\n');
        }
        return sql.append("  AS ").append(literal(in.get("urlOfProxyAndResource"))).append(';').toString();
    }

    private static String grant(Map<String, Object> in) {
        String on;
        if (in.get("onSchemaObject") instanceof Map<?, ?> object) {
            on = object.get("objectType") + " " + object.get("objectName");
        } else if (in.get("onAccountObject") instanceof Map<?, ?> object) {
            on = object.get("objectType") + " " + object.get("objectName");
        } else if (in.get("onSchema") instanceof Map<?, ?> schema) {
            on = "SCHEMA " + schema.get("schemaName");
        } else {
            on = "ACCOUNT";
        }
        return "GRANT " + list(in.get("privileges")).replace("'", "") + " ON " + on + " TO ROLE "
                + in.get("accountRoleName") + ";";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> arguments(Map<String, Object> inputs) {
        return maps(inputs.get("args"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String list(Object value) {
        return value instanceof List<?> items ? items.stream().map(SnowflakeSql::literal)
                .collect(Collectors.joining(", ")) : literal(value);
    }

    private static String literal(Object value) {
        return "'" + Objects.toString(value, "").replace("'", "''") + "'";
    }
}
