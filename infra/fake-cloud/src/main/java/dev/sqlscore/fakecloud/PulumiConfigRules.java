package dev.sqlscore.fakecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks the Pulumi CLI makes on {@code Pulumi.yaml} and a stack's {@code Pulumi.<stack>.yaml} before the program
 * runs, modelled on its sources (pkg/workspace/config.go {@code mergeConfig} and {@code validateStackConfigValue},
 * sdk/go/common/workspace/project.go {@code Project.Validate} and {@code ValidateConfigValue}, and the project file's
 * JSON schema, project.json's {@code configTypeDeclaration}), so that
 * {@code plan} and the tests can hold a project and its stacks to them offline. A failed check stops
 * {@code pulumi preview} and {@code pulumi up} before the program runs.
 */
public final class PulumiConfigRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@link #effectiveConfig} gives for an encrypted value: set, but not readable offline. */
    public static final String SECRET_PLACEHOLDER = "[secret]";
    /** project.json: a type declaration has these attributes only ({@code additionalProperties: false}). */
    private static final List<String> DECLARATION_ATTRIBUTES = List.of("default", "description", "items", "secret",
            "type", "value");
    /** project.json's {@code simpleConfigType} ({@code object} since Pulumi 3.186). */
    private static final List<String> TYPE_NAMES = List.of("string", "integer", "boolean", "array", "object");

    private final String projectName;
    private final Map<String, JsonNode> declared;

    private PulumiConfigRules(JsonNode project) {
        this.projectName = project.path("name").asText();
        this.declared = new TreeMap<>();
        // A bare value is shorthand for {value: ...}.
        fields(project.path("config")).forEach((key, type) -> declared.put(key, type.isObject() ? type
                : JSON.createObjectNode().set("value", type)));
    }

    public static PulumiConfigRules of(JsonNode project) {
        return new PulumiConfigRules(project);
    }

    public static JsonNode readYaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    public static JsonNode parseYaml(String text) throws IOException {
        return YAML.readTree(text);
    }

    public String projectName() {
        return projectName;
    }

    /** Keys as the engine resolves them: a key without a namespace belongs to the project. */
    public Map<String, JsonNode> declaredKeys() {
        Map<String, JsonNode> keys = new TreeMap<>();
        declared.forEach((key, type) -> keys.put(qualified(key), type));
        return keys;
    }

    /** {@code Project.Validate}: what makes Pulumi reject the project file itself. */
    public List<String> projectProblems() {
        List<String> problems = new ArrayList<>();
        if (projectName.isEmpty()) {
            problems.add("project is missing a 'name' attribute");
        }
        declared.forEach((key, type) -> {
            type.properties().forEach(attribute -> {
                if (!DECLARATION_ATTRIBUTES.contains(attribute.getKey())) {
                    problems.add("#/config/" + key + ": additionalProperties '" + attribute.getKey()
                            + "' not allowed (a type declaration takes " + String.join(", ", DECLARATION_ATTRIBUTES)
                            + ")");
                }
            });
            if (type.has("type") && !TYPE_NAMES.contains(type.get("type").asText())) {
                problems.add("#/config/" + key + "/type: value must be one of " + String.join(", ", TYPE_NAMES));
            }
            boolean hasDefault = type.has("default");
            boolean hasValue = type.has("value");
            if (hasDefault && hasValue) {
                problems.add("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
            }
            if (ownNamespace(key)) {
                if ("array".equals(type.path("type").asText()) && !type.has("items")) {
                    problems.add("The configuration key '" + key + "' declares an array but does not specify the "
                            + "underlying type via the 'items' attribute");
                }
                if (type.has("type") && hasDefault && !valid(type, type.get("default"))) {
                    problems.add("The default value specified for configuration key '" + key
                            + "' is not of the expected type '" + type.get("type").asText() + "'");
                }
            } else if (type.has("type")) {
                problems.add("Configuration key '" + key + "' is not namespaced by the project and should not "
                        + "define a type");
            } else if (hasDefault) {
                problems.add("Configuration key '" + key + "' is not namespaced by the project and should not "
                        + "define a default value");
            } else if (!hasValue) {
                problems.add("Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
            }
        });
        return problems;
    }

    /** {@code mergeConfig} with validation: the errors {@code pulumi preview} stops with on this stack. */
    public List<String> stackProblems(String stackName, JsonNode stack) {
        Map<String, JsonNode> values = stackValues(stack);
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        declared.forEach((key, type) -> {
            JsonNode value = values.get(qualified(key));
            if (value == null && !type.has("default") && !type.has("value") && ownNamespace(key)) {
                missing.add(key);
            }
            if (value == null || !type.has("type")) {
                return;
            }
            if (type.path("secret").asBoolean(false) && !isSecure(value)) {
                problems.add("Stack '" + stackName + "' with configuration key '" + key
                        + "' must be encrypted as it's secret");
            } else if (!isSecure(value) && !valid(type, asStored(value))) {
                problems.add("Stack '" + stackName + "' with configuration key '" + key + "' must be of type '"
                        + type.get("type").asText() + "'");
            }
        });
        if (!missing.isEmpty()) {
            problems.add(0, "Stack '" + stackName + "' is missing configuration " + (missing.size() == 1 ? "value"
                    : "values") + " " + String.join(", ", missing.stream().sorted().map(k -> "'" + k + "'")
                    .toList()));
        }
        return problems;
    }

    /**
     * The configuration the program sees: stack values over project defaults, scalars as text and structured values
     * as JSON text, as the engine hands them to a Java program.
     */
    public Map<String, String> effectiveConfig(JsonNode stack) {
        Map<String, String> effective = new TreeMap<>();
        declared.forEach((key, type) -> {
            JsonNode fallback = type.has("default") ? type.get("default") : type.get("value");
            if (fallback != null) {
                effective.put(qualified(key), text(fallback));
            }
        });
        stackValues(stack).forEach((key, value) -> effective.put(key, text(value)));
        return effective;
    }

    public Map<String, JsonNode> stackValues(JsonNode stack) {
        Map<String, JsonNode> values = new TreeMap<>();
        fields(stack.path("config")).forEach((key, value) -> values.put(qualified(key), value));
        return values;
    }

    private boolean ownNamespace(String key) {
        return !key.contains(":") || key.startsWith(projectName + ":");
    }

    private String qualified(String key) {
        return key.contains(":") ? key : projectName + ":" + key;
    }

    /**
     * A stack keeps a scalar as text ({@code 2048} and {@code "2048"} are one value) and a list or map as JSON, and
     * Pulumi checks the stored form: a number is a valid {@code string}, and {@code "true"} a valid {@code boolean}.
     */
    private static JsonNode asStored(JsonNode value) {
        return value.isContainerNode() ? value : JSON.getNodeFactory().textNode(value.asText());
    }

    /** {@code ValidateConfigValue}: stack values arrive as text, so integers and booleans may be strings. */
    private static boolean valid(JsonNode type, JsonNode value) {
        return switch (type.path("type").asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isDouble() && value.asDouble() == Math.rint(
                    value.asDouble())) || (value.isTextual() && value.asText().matches("[+-]?\\d+"));
            case "boolean" -> value.isBoolean() || (value.isTextual() && (value.asText().equals("true")
                    || value.asText().equals("false")));
            case "object" -> value.isObject();
            default -> {
                if (!value.isArray() || !type.has("items")) {
                    yield false;
                }
                for (JsonNode item : value) {
                    if (!valid(type.get("items"), item)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /** {@code secure: v1:...}: a value {@code pulumi config set --secret} wrote; only the stack's key can read it. */
    public static boolean isSecure(JsonNode value) {
        return value.isObject() && value.size() == 1 && value.has("secure");
    }

    private static String text(JsonNode value) {
        if (isSecure(value)) {
            return SECRET_PLACEHOLDER;
        }
        try {
            return value.isValueNode() ? value.asText() : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        object.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }
}
