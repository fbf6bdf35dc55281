package dev.sqlscore.infra;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.snowflake.ExternalFunction;
import com.pulumi.snowflake.ExternalFunctionArgs;
import com.pulumi.snowflake.GrantPrivilegesToAccountRole;
import com.pulumi.snowflake.GrantPrivilegesToAccountRoleArgs;
import com.pulumi.snowflake.inputs.ExternalFunctionArgArgs;
import com.pulumi.snowflake.inputs.ExternalFunctionHeaderArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnAccountObjectArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaObjectArgs;
import dev.sqlscore.infra.config.FunctionArgument;
import dev.sqlscore.infra.config.FunctionSettings;
import dev.sqlscore.infra.config.Functions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One external function per configured function, USAGE on it for each configured role and, when the stack is asked
 * to ({@code grantDatabaseAndSchemaUsage}), USAGE on the database and schema for each of those roles.
 */
final class SnowflakeFunctions {

    /** The seed's demo row: 13 features of the example model. */
    static final String SAMPLE_ARRAY = "ARRAY_CONSTRUCT(-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0)";

    private final Map<String, ExternalFunction> functions = new LinkedHashMap<>();

    private SnowflakeFunctions() {
    }

    /**
     * Functions are created only once the trust is ready (and so removed before the role, the integration and the
     * API on {@code pulumi destroy}); grants follow their function.
     */
    static SnowflakeFunctions create(String name, String database, String schema, Functions functions,
                                     boolean grantDatabaseAndSchemaUsage, SnowflakeTrust trust, ScoringApi api,
                                     Output<List<Resource>> ready, Resource parent) {
        var created = new SnowflakeFunctions();
        CustomResourceOptions afterTrust = CustomResourceOptions.builder().parent(parent)
                .provider(trust.provider()).dependsOn(ready).build();
        for (FunctionSettings function : functions.all()) {
            String resourceName = name + "-" + function.sqlName().toLowerCase(Locale.ROOT);
            var args = ExternalFunctionArgs.builder()
                    .database(database)
                    .schema(schema)
                    .name(function.sqlName())
                    .args(function.arguments().stream().map(SnowflakeFunctions::argument).toList())
                    .returnType(function.returnType())
                    .returnBehavior("VOLATILE")
                    .nullInputBehavior("CALLED ON NULL INPUT")
                    .apiIntegration(trust.integration().name())
                    .urlOfProxyAndResource(url(api))
                    .headers(headers(function))
                    .contextHeaders(function.contextHeaders())
                    .compression(function.compression())
                    .comment("sqlscore: scores rows with SageMaker endpoint " + function.endpointName());
            if (function.maxBatchRows() != null) {
                args.maxBatchRows(function.maxBatchRows());
            }
            var externalFunction = new ExternalFunction(resourceName, args.build(), afterTrust);
            created.functions.put(function.sqlName(), externalFunction);
            for (String grantee : function.grantees()) {
                // The provider's own name for the function, argument types included: "DB"."S"."F"(ARRAY).
                grant(resourceName + "-usage-" + grantee.toLowerCase(Locale.ROOT), grantee,
                        GrantPrivilegesToAccountRoleArgs.builder().onSchemaObject(
                                GrantPrivilegesToAccountRoleOnSchemaObjectArgs.builder()
                                        .objectType("FUNCTION")
                                        .objectName(externalFunction.fullyQualifiedName())
                                        .build()),
                        CustomResourceOptions.builder().parent(parent).provider(trust.provider())
                                .dependsOn(externalFunction).build());
            }
        }
        if (grantDatabaseAndSchemaUsage) {
            grantContainerUsage(name, database, schema, functions.grantees(), trust, parent);
        }
        return created;
    }

    /**
     * USAGE on the database and the schema, which a role needs before it can see the function at all. Only on
     * request: deleting these grants (a changed grantee, {@code pulumi destroy}) revokes the privilege even when the
     * role held it before this stack existed.
     */
    private static void grantContainerUsage(String name, String database, String schema, Set<String> grantees,
                                            SnowflakeTrust trust, Resource parent) {
        CustomResourceOptions viaProvider = CustomResourceOptions.builder().parent(parent)
                .provider(trust.provider()).build();
        for (String grantee : grantees) {
            String role = grantee.toLowerCase(Locale.ROOT);
            grant(name + "-database-usage-" + role, grantee, GrantPrivilegesToAccountRoleArgs.builder()
                    .onAccountObject(GrantPrivilegesToAccountRoleOnAccountObjectArgs.builder()
                            .objectType("DATABASE")
                            .objectName(quoted(database))
                            .build()), viaProvider);
            grant(name + "-schema-usage-" + role, grantee, GrantPrivilegesToAccountRoleArgs.builder()
                    .onSchema(GrantPrivilegesToAccountRoleOnSchemaArgs.builder()
                            .schemaName(quoted(database) + "." + quoted(schema))
                            .build()), viaProvider);
        }
    }

    private static void grant(String resourceName, String grantee, GrantPrivilegesToAccountRoleArgs.Builder on,
                              CustomResourceOptions options) {
        new GrantPrivilegesToAccountRole(resourceName, on.accountRoleName(grantee).privileges("USAGE").build(),
                options);
    }

    /** The function's URL: the stage URL plus the API's resource path. */
    static Output<String> url(ScoringApi api) {
        return api.stage().invokeUrl().applyValue(stageUrl -> stageUrl + "/" + ScoringApi.RESOURCE_PATH);
    }

    Output<Map<String, String>> fullyQualifiedNames() {
        return Output.all(functions.values().stream().map(ExternalFunction::fullyQualifiedName).toList())
                .applyValue(names -> zip(List.copyOf(functions.keySet()), names));
    }

    /** A query to paste into a worksheet, per function. */
    static Map<String, String> sampleSql(String database, String schema, Functions functions) {
        return functions.all().stream().collect(Collectors.toMap(FunctionSettings::sqlName,
                function -> "select " + database + "." + schema + "." + function.sqlName()
                        + function.arguments().stream().map(arg -> sampleValue(arg.type()))
                        .collect(Collectors.joining(", ", "(", ")")) + ";",
                (a, b) -> a, LinkedHashMap::new));
    }

    private static String sampleValue(String type) {
        return switch (type) {
            case "ARRAY" -> SAMPLE_ARRAY;
            case "OBJECT" -> "OBJECT_CONSTRUCT('feature', 1)";
            case "VARIANT" -> "PARSE_JSON('[1, 2, 3]')";
            case "BOOLEAN" -> "TRUE";
            case "DATE" -> "CURRENT_DATE()";
            case "TIME" -> "CURRENT_TIME()";
            case "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ" -> "CURRENT_TIMESTAMP()";
            case "VARCHAR" -> "'text'";
            case "BINARY" -> "TO_BINARY('00')";
            case "GEOGRAPHY", "GEOMETRY" -> "'POINT(0 0)'";
            default -> "0";
        };
    }

    private static ExternalFunctionArgArgs argument(FunctionArgument argument) {
        return ExternalFunctionArgArgs.builder().name(argument.name()).type(argument.type()).build();
    }

    private static List<ExternalFunctionHeaderArgs> headers(FunctionSettings function) {
        return function.headers().entrySet().stream()
                .map(header -> ExternalFunctionHeaderArgs.builder().name(header.getKey()).value(header.getValue())
                        .build())
                .toList();
    }

    /** An upper-case identifier as Snowflake prints it back. */
    private static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static Map<String, String> zip(List<String> keys, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }
}
