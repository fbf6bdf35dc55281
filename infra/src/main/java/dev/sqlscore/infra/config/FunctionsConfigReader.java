package dev.sqlscore.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code sqlscore:functions} list (JSON text, as Pulumi hands structured config over). */
final class FunctionsConfigReader {

    static final List<String> CONTENT_TYPES = List.of("text/csv", "application/json", "application/jsonlines");
    static final List<String> COMPRESSIONS = List.of("AUTO", "NONE", "GZIP", "DEFLATE");
    static final List<FunctionArgument> DEFAULT_ARGUMENTS = List.of(new FunctionArgument("FEATURES", "ARRAY"));
    static final String DEFAULT_RETURN_TYPE = "VARIANT";
    /**
     * What a function may send for the audit log: config word -> Snowflake context function. The handler logs these
     * (as {@code user}, {@code role}, ...) and nothing else; CURRENT_STATEMENT is left out on purpose (the query text
     * can hold literals, i.e. data, and long statements would exceed API Gateway's header limit).
     */
    static final Map<String, String> CONTEXT_FUNCTIONS = contextFunctions();
    static final List<String> DEFAULT_CONTEXT = List.of("user", "role");

    private static final Set<String> FIELDS = Set.of("name", "endpoint", "contentType", "accept", "targetModel",
            "targetVariant", "inferenceComponent", "customAttributes", "maxBatchRows", "compression", "arguments",
            "returnType", "grantees", "contextHeaders", "mode", "outputPath", "failurePath", "invocationTimeoutSeconds",
            "requestTtlSeconds", "endpointRoleArn", "onRowError");
    private static final List<String> ASYNC_ONLY = List.of("outputPath", "failurePath", "invocationTimeoutSeconds",
            "requestTtlSeconds", "endpointRoleArn");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigProblems problems;

    FunctionsConfigReader(ConfigProblems problems) {
        this.problems = problems;
    }

    List<FunctionSettings> read(String key, String raw) {
        String example = "a list of functions, e.g. [{\"name\": \"SAGEMAKER_INVOKE\", \"endpoint\": \"my-endpoint\"}]";
        if (ConfigProblems.isBlank(raw)) {
            problems.add(key, "is required (" + example + ")");
            return List.of();
        }
        JsonNode list;
        try {
            list = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            problems.add(key, "is not valid YAML/JSON structured config; expected " + example);
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(key, "must be a non-empty list; expected " + example);
            return List.of();
        }
        List<FunctionSettings> functions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String itemKey = key + "[" + i + "]";
            FunctionSettings function = readFunction(itemKey, list.get(i));
            if (function != null && !names.add(function.sqlName())) {
                problems.add(itemKey + ".name", "'" + function.sqlName() + "' is used by another function; "
                        + "SQL names must be unique");
            }
            if (function != null) {
                functions.add(function);
            }
        }
        return functions;
    }

    private FunctionSettings readFunction(String key, JsonNode node) {
        if (!node.isObject()) {
            problems.add(key, "must be an object with at least 'name' and 'endpoint'");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(key + "." + field, "is not a known setting; known: " + String.join(", ", FIELDS.stream()
                        .sorted().toList()));
            }
        }
        String sqlName = problems.identifier(key + ".name", text(node, "name"), true);
        String endpoint = problems.requiredMatching(key + ".endpoint", text(node, "endpoint"),
                Patterns.SAGEMAKER_NAME, "a SageMaker endpoint name (letters, digits and hyphens, at most 63)");
        String contentType = problems.oneOf(key + ".contentType", text(node, "contentType"), CONTENT_TYPES.get(0),
                CONTENT_TYPES);
        String accept = problems.matching(key + ".accept", text(node, "accept"), Patterns.MEDIA_TYPE,
                "a media type such as application/json (at most 255 characters)");
        String targetModel = headerValue(key + ".targetModel", text(node, "targetModel"));
        String targetVariant = problems.matching(key + ".targetVariant", text(node, "targetVariant"),
                Patterns.SAGEMAKER_NAME, "a SageMaker production variant name (letters, digits and hyphens)");
        String inferenceComponent = problems.matching(key + ".inferenceComponent", text(node, "inferenceComponent"),
                Patterns.SAGEMAKER_NAME, "a SageMaker inference component name (letters, digits and hyphens)");
        String customAttributes = headerValue(key + ".customAttributes", text(node, "customAttributes"));
        Integer maxBatchRows = problems.integer(key + ".maxBatchRows", text(node, "maxBatchRows"), null, 1,
                Integer.MAX_VALUE);
        String compression = problems.oneOf(key + ".compression", text(node, "compression"), "AUTO", COMPRESSIONS);
        List<FunctionArgument> arguments = arguments(key + ".arguments", node.get("arguments"));
        String returnType = returnType(key + ".returnType", text(node, "returnType"));
        List<String> grantees = grantees(key + ".grantees", node.get("grantees"));
        List<String> contextHeaders = contextHeaders(key + ".contextHeaders", node.get("contextHeaders"));
        AsyncSettings async = async(key, node);
        String onRowError = onRowError(key + ".onRowError", node.get("onRowError"));
        if ("null".equals(onRowError) && async != null) {
            problems.add(key + ".onRowError", "'null' is for real-time functions only: an asynchronous function's "
                    + "answer comes from S3, where its rows cannot be isolated; remove onRowError or mode: async");
        }
        if (sqlName == null || endpoint == null) {
            return null;
        }
        // Per-value limits keep all HEADERS together far below Snowflake's 8 KB.
        return new FunctionSettings(sqlName, endpoint, contentType, accept, targetModel, targetVariant,
                inferenceComponent, customAttributes, maxBatchRows, compression, arguments, returnType, grantees,
                contextHeaders, async, onRowError);
    }

    /**
     * {@code fail} or {@code null}; null when not set. YAML reads a bare {@code onRowError: null} as no value at all,
     * so a key that is there with no value means {@code null} too, as the user wrote it.
     */
    private String onRowError(String key, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return "null";
        }
        return problems.oneOf(key, value.asText(), "fail", List.of("fail", "null"));
    }

    /** Null for {@code mode: sync} (the default); for async, the endpoint's output configuration, checked. */
    private AsyncSettings async(String key, JsonNode node) {
        String mode = problems.oneOf(key + ".mode", text(node, "mode"), "sync", List.of("sync", "async"));
        if (!"async".equals(mode)) {
            for (String field : ASYNC_ONLY) {
                if (node.hasNonNull(field)) {
                    problems.add(key + "." + field, "is only for asynchronous functions: add mode: async, or remove "
                            + "it");
                }
            }
            return null;
        }
        String s3Location = "an s3://bucket/prefix location, as the endpoint's AsyncInferenceConfig.OutputConfig "
                + "has it";
        String output = problems.requiredMatching(key + ".outputPath", text(node, "outputPath"),
                Patterns.S3_PREFIX_URI, s3Location + " (S3OutputPath)");
        String failure = problems.matching(key + ".failurePath", text(node, "failurePath"), Patterns.S3_PREFIX_URI,
                s3Location + " (S3FailurePath)");
        Integer timeout = problems.integer(key + ".invocationTimeoutSeconds", text(node, "invocationTimeoutSeconds"),
                null, 1, 3600);
        Integer ttl = problems.integer(key + ".requestTtlSeconds", text(node, "requestTtlSeconds"), null, 60, 21_600);
        String role = problems.matching(key + ".endpointRoleArn", text(node, "endpointRoleArn"),
                Patterns.IAM_ROLE_ARN, "the endpoint's execution role ARN, arn:aws:iam::123456789012:role/name");
        return output == null ? null : new AsyncSettings(output, failure, timeout, ttl, role);
    }

    private String headerValue(String key, String raw) {
        return problems.matching(key, raw, Patterns.HEADER_VALUE,
                "printable ASCII without single quotes, at most 1024 characters");
    }

    private List<FunctionArgument> arguments(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_ARGUMENTS;
        }
        if (!node.isArray()) {
            problems.add(key, "must be a list of {name, type}, e.g. [{\"name\": \"features\", \"type\": \"ARRAY\"}]");
            return DEFAULT_ARGUMENTS;
        }
        List<FunctionArgument> arguments = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String argKey = key + "[" + i + "]";
            JsonNode arg = node.get(i);
            String name = problems.identifier(argKey + ".name", text(arg, "name"), true);
            String type = argumentType(argKey + ".type", text(arg, "type"));
            if (name != null && type != null) {
                arguments.add(new FunctionArgument(name, type));
            }
        }
        return arguments;
    }

    private String argumentType(String key, String raw) {
        if (ConfigProblems.isBlank(raw)) {
            problems.add(key, "is required (a Snowflake data type: " + String.join(", ", SnowflakeTypes.ARGUMENT_TYPES)
                    + ")");
            return null;
        }
        String type = SnowflakeTypes.normalize(raw);
        var problem = SnowflakeTypes.argumentProblem(type);
        problem.ifPresent(message -> problems.add(key, message));
        return problem.isPresent() ? null : type;
    }

    private String returnType(String key, String raw) {
        if (ConfigProblems.isBlank(raw)) {
            return DEFAULT_RETURN_TYPE;
        }
        String type = SnowflakeTypes.normalize(raw);
        SnowflakeTypes.returnProblem(type).ifPresent(message -> problems.add(key, message));
        return type;
    }

    private List<String> grantees(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(key, "must be a list of Snowflake account role names");
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String role = problems.identifier(key + "[" + i + "]", node.get(i).asText(), true);
            if (role != null && !roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static Map<String, String> contextFunctions() {
        Map<String, String> functions = new LinkedHashMap<>();
        functions.put("user", "CURRENT_USER");
        functions.put("role", "CURRENT_ROLE");
        functions.put("account", "CURRENT_ACCOUNT");
        functions.put("warehouse", "CURRENT_WAREHOUSE");
        return Collections.unmodifiableMap(functions);
    }

    /** The context the function sends, as Snowflake context functions, in the fixed order of CONTEXT_FUNCTIONS. */
    private List<String> contextHeaders(String key, JsonNode node) {
        List<String> words = DEFAULT_CONTEXT;
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                problems.add(key, "must be a list drawn from " + String.join(", ", CONTEXT_FUNCTIONS.keySet())
                        + " (or [] for none)");
                return List.of();
            }
            words = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String word = node.get(i).asText().strip();
                if (!CONTEXT_FUNCTIONS.containsKey(word)) {
                    problems.add(key + "[" + i + "]", "'" + word + "' is not allowed; use "
                            + String.join(", ", CONTEXT_FUNCTIONS.keySet()));
                } else if (!words.contains(word)) {
                    words.add(word);
                }
            }
        }
        List<String> chosen = words;
        return CONTEXT_FUNCTIONS.entrySet().stream().filter(e -> chosen.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
