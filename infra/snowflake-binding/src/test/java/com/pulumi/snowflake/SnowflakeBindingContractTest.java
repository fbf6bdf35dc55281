package com.pulumi.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.snowflake.inputs.ExternalFunctionArgArgs;
import com.pulumi.snowflake.inputs.ExternalFunctionHeaderArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnAccountObjectArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaObjectArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bound property against the provider 2.17.0 schema facts in {@code snowflake-provider-2.17.0.contract.json}. */
class SnowflakeBindingContractTest {

    private static final JsonNode CONTRACT = contract();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("Provider", Provider.class, ProviderArgs.class),
                Arguments.of("ApiIntegration", ApiIntegration.class, ApiIntegrationArgs.class),
                Arguments.of("ExternalFunction", ExternalFunction.class, ExternalFunctionArgs.class),
                Arguments.of("GrantPrivilegesToAccountRole", GrantPrivilegesToAccountRole.class,
                        GrantPrivilegesToAccountRoleArgs.class));
    }

    static Stream<Arguments> inputTypes() {
        return Stream.of(
                Arguments.of("ExternalFunctionArgArgs", ExternalFunctionArgArgs.class),
                Arguments.of("ExternalFunctionHeaderArgs", ExternalFunctionHeaderArgs.class),
                Arguments.of("GrantPrivilegesToAccountRoleOnSchemaObjectArgs",
                        GrantPrivilegesToAccountRoleOnSchemaObjectArgs.class),
                Arguments.of("GrantPrivilegesToAccountRoleOnAccountObjectArgs",
                        GrantPrivilegesToAccountRoleOnAccountObjectArgs.class),
                Arguments.of("GrantPrivilegesToAccountRoleOnSchemaArgs",
                        GrantPrivilegesToAccountRoleOnSchemaArgs.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void typeTokenMatches(String resource, Class<?> resourceClass, Class<?> argsClass) {
        assertEquals(CONTRACT.at("/resources/" + resource + "/token").asText(),
                resourceClass.getAnnotation(ResourceType.class).type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyBoundInputMatchesNameRequirednessTypeAndEncoding(String resource, Class<?> resourceClass,
                                                                Class<?> argsClass) {
        assertInputsMatch(CONTRACT.at("/resources/" + resource + "/inputs"), argsClass);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputTypes")
    void everyBoundNestedInputMatches(String inputType, Class<?> argsClass) {
        assertInputsMatch(CONTRACT.at("/inputTypes/" + inputType + "/inputs"), argsClass);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyBoundOutputMatchesNameAndType(String resource, Class<?> resourceClass, Class<?> argsClass) {
        Map<String, JsonNode> contract = byName(CONTRACT.at("/resources/" + resource + "/outputs"));
        int bound = 0;
        for (Field field : resourceClass.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export == null) {
                continue;
            }
            bound++;
            JsonNode expected = contract.get(export.name());
            assertNotNull(expected, resource + " has no output '" + export.name() + "' in provider 2.17.0");
            assertEquals(expected.get("type").asText().replace("/* @Nullable */ ", "").replace(" ", ""),
                    javaType(field), resource + "." + export.name());
            assertEquals(export.name(), field.getName(), "field and property names stay the SDK's");
        }
        assertTrue(bound > 0);
    }

    @Test
    void resourcesRegisterWithTheProvidersTokensAndVersion() {
        var registered = new ConcurrentLinkedQueue<Mocks.ResourceArgs>();
        Mocks mocks = args -> {
            registered.add(args);
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"),
                    new HashMap<>(args.inputs)));
        };
        var result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("binding").stackName("test").build())
                .runTest(ctx -> {
                    new Provider("p", ProviderArgs.builder().organizationName("O").accountName("A").build());
                    new ApiIntegration("i", ApiIntegrationArgs.builder().apiProvider("aws_api_gateway")
                            .apiAllowedPrefixes("https://x/").build());
                    new ExternalFunction("f", ExternalFunctionArgs.builder().apiIntegration("I").database("D")
                            .schema("S").returnType("VARIANT").returnBehavior("VOLATILE")
                            .urlOfProxyAndResource("https://x/score").build());
                    new GrantPrivilegesToAccountRole("g", GrantPrivilegesToAccountRoleArgs.builder()
                            .accountRoleName("R").privileges("USAGE").build());
                });

        assertTrue(result.exceptions().isEmpty(), () -> result.exceptions().toString());
        assertEquals(0, result.exitCode());
        Map<String, String> types = new HashMap<>();
        registered.forEach(args -> types.put(args.name, args.type));
        assertEquals(Map.of("p", "pulumi:providers:snowflake",
                "i", "snowflake:index/apiIntegration:ApiIntegration",
                "f", "snowflake:index/externalFunction:ExternalFunction",
                "g", "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole"), types);
    }

    @Test
    void everyResourceRegistersWithThePluginVersionOfTheContract() {
        var options = new ConcurrentHashMap<String, ResourceOptions>();
        ResourceTransformation record = args -> {
            options.put(args.resource().pulumiResourceName(), args.options());
            return Optional.empty();
        };
        var result = PulumiTest.withMocks(args -> CompletableFuture.completedFuture(
                        Mocks.ResourceResult.of(Optional.of(args.name + "-id"), new HashMap<>(args.inputs))))
                .withOptions(TestOptions.builder().projectName("binding").stackName("test")
                        .resourceTransformations(List.of(record)).build())
                .runTest(ctx -> {
                    new Provider("p");
                    new ApiIntegration("i", ApiIntegrationArgs.builder().apiProvider("aws_api_gateway")
                            .apiAllowedPrefixes("https://x/").build());
                    new GrantPrivilegesToAccountRole("g", GrantPrivilegesToAccountRoleArgs.builder()
                            .accountRoleName("R").privileges("USAGE").build(),
                            CustomResourceOptions.builder().version("9.9.9").build());
                });

        assertEquals(0, result.exitCode(), () -> result.errors().toString());
        String version = CONTRACT.get("pluginVersion").asText();
        assertEquals(Optional.of(version), options.get("p").getVersion());
        assertEquals(Optional.of(version), options.get("i").getVersion());
        assertEquals(Optional.of("9.9.9"), options.get("g").getVersion(), "an explicit version wins, as in the SDK");
    }

    @Test
    void pluginJsonNamesTheSameVersion() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/com/pulumi/snowflake/plugin.json")) {
            assertNotNull(in, "plugin.json must sit where the Java host looks: com/<namespace>/<name>/plugin.json");
            JsonNode plugin = new ObjectMapper().readTree(in);
            assertEquals("snowflake", plugin.get("name").asText());
            assertEquals(CONTRACT.get("pluginVersion").asText(), plugin.get("version").asText());
            assertTrue(plugin.get("resource").asBoolean());
        }
    }

    private static void assertInputsMatch(JsonNode contractInputs, Class<?> argsClass) {
        Map<String, JsonNode> contract = byName(contractInputs);
        List<String> bound = new ArrayList<>();
        for (Field field : argsClass.getDeclaredFields()) {
            Import imported = field.getAnnotation(Import.class);
            if (imported == null) {
                continue;
            }
            String where = argsClass.getSimpleName() + "." + imported.name();
            JsonNode expected = contract.get(imported.name());
            assertNotNull(expected, where + " is not an input of provider 2.17.0");
            assertEquals(expected.path("required").asBoolean(false), imported.required(), where + " requiredness");
            assertEquals(expected.path("json").asBoolean(false), imported.json(), where + " json encoding");
            assertEquals(expected.get("type").asText().replace(" ", ""), javaType(field), where + " type");
            assertEquals(imported.name(), field.getName());
            bound.add(imported.name());
        }
        contract.values().stream().filter(input -> input.path("required").asBoolean(false))
                .forEach(input -> assertTrue(bound.contains(input.get("name").asText()),
                        argsClass.getSimpleName() + " leaves out required input " + input.get("name").asText()));
        assertFalse(bound.isEmpty());
    }

    /** {@code com.pulumi.core.Output<java.util.List<java.lang.String>>} -> {@code Output<List<String>>}. */
    private static String javaType(Field field) {
        return field.getGenericType().getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace(" ", "");
    }

    private static Map<String, JsonNode> byName(JsonNode properties) {
        Map<String, JsonNode> byName = new HashMap<>();
        properties.forEach(property -> byName.put(property.get("name").asText(), property));
        assertFalse(byName.isEmpty(), "contract section missing");
        return byName;
    }

    private static JsonNode contract() {
        try (InputStream in = SnowflakeBindingContractTest.class
                .getResourceAsStream("/snowflake-provider-2.17.0.contract.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
