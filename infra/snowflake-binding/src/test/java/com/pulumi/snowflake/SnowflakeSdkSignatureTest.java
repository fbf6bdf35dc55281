package com.pulumi.snowflake;

import com.pulumi.resources.CustomResourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public class, constructor, method and field of the binding, written as {@code javap -public} writes it, must
 * appear in the official SDK's listing ({@code snowflake-sdk-2.17.0-api.txt}): then the program, which sees only
 * these, compiles unchanged against {@code com.pulumi:snowflake:2.17.0}. The binding may leave members out, never
 * add or change one.
 */
class SnowflakeSdkSignatureTest {

    private static final String LISTING = "/snowflake-sdk-2.17.0-api.txt";

    @Test
    void everyPublicMemberOfTheBindingIsInTheOfficialListing() throws Exception {
        Map<String, Set<String>> official = officialListing();
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : bindingClasses()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            Set<String> members = official.get(header(type));
            if (members == null) {
                unknown.add("class not in the official SDK (or declared differently): " + header(type));
                continue;
            }
            for (String member : publicMembers(type)) {
                checked++;
                if (!members.contains(member)) {
                    unknown.add(type.getName() + ": " + member);
                }
            }
        }
        assertTrue(unknown.isEmpty(), () -> "not in the official 2.17.0 API:\n  " + String.join("\n  ", unknown));
        assertTrue(checked > 150, "checked only " + checked + " members");
    }

    @Test
    void theProgramsEntryPointsAreAllBound() throws Exception {
        Set<String> bound = new HashSet<>();
        for (Class<?> type : bindingClasses()) {
            bound.add(type.getName());
        }
        for (String used : List.of("Provider", "ProviderArgs", "ProviderArgs$Builder", "ApiIntegration",
                "ApiIntegrationArgs", "ApiIntegrationArgs$Builder", "ExternalFunction", "ExternalFunctionArgs",
                "ExternalFunctionArgs$Builder", "GrantPrivilegesToAccountRole", "GrantPrivilegesToAccountRoleArgs",
                "inputs.ExternalFunctionArgArgs", "inputs.ExternalFunctionHeaderArgs",
                "inputs.GrantPrivilegesToAccountRoleOnSchemaObjectArgs",
                "inputs.GrantPrivilegesToAccountRoleOnAccountObjectArgs",
                "inputs.GrantPrivilegesToAccountRoleOnSchemaArgs", "SnowflakeFunctions",
                "outputs.GetSystemGetSnowflakePlatformInfoResult",
                "outputs.GetSystemGetSnowflakePlatformInfoResult$Builder")) {
            assertTrue(bound.contains("com.pulumi.snowflake." + used), used);
        }
    }

    /** The renderer itself, on members whose javap form is known: a wrong rendering would let anything pass. */
    @Test
    void rendersMembersAsJavapDoes() throws Exception {
        assertEquals("public final class com.pulumi.snowflake.ProviderArgs$Builder {",
                header(ProviderArgs.Builder.class));
        assertEquals("public com.pulumi.snowflake.ProviderArgs$Builder previewFeaturesEnabled(java.lang.String...);",
                javap(ProviderArgs.Builder.class.getMethod("previewFeaturesEnabled", String[].class)));
        assertEquals("public com.pulumi.core.Output<java.util.Optional<java.util.List<java.lang.String>>> "
                        + "contextHeaders();", javap(ExternalFunction.class.getMethod("contextHeaders")));
        assertEquals("public static final com.pulumi.snowflake.ProviderArgs Empty;",
                javap(ProviderArgs.class.getField("Empty")));
        assertEquals("public com.pulumi.snowflake.Provider(java.lang.String, com.pulumi.snowflake.ProviderArgs, "
                        + "com.pulumi.resources.CustomResourceOptions);",
                javap(Provider.class.getConstructor(String.class, ProviderArgs.class,
                        CustomResourceOptions.class)));
    }

    private static List<String> publicMembers(Class<?> type) {
        List<String> members = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && !field.isSynthetic()) {
                members.add(javap(field));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(constructor.getModifiers()) && !constructor.isSynthetic()) {
                members.add(javap(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                members.add(javap(method));
            }
        }
        return members;
    }

    static String header(Class<?> type) {
        // javap prints a nested class's own flags, which never include static.
        int modifiers = type.getModifiers() & Modifier.classModifiers() & ~Modifier.STATIC;
        StringBuilder line = new StringBuilder(modifiers(modifiers))
                .append(type.isInterface() ? "interface " : "class ").append(type.getName());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(
                    type.getGenericInterfaces()).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return line.append(" {").toString();
    }

    static String javap(Field field) {
        return modifiers(field.getModifiers()) + field.getGenericType().getTypeName() + " " + field.getName() + ";";
    }

    static String javap(Executable executable) {
        String prefix = modifiers(executable.getModifiers() & (executable instanceof Method
                ? Modifier.methodModifiers() : Modifier.constructorModifiers()));
        String name = executable instanceof Method method
                ? method.getGenericReturnType().getTypeName() + " " + method.getName()
                : executable.getDeclaringClass().getName();
        Type[] parameters = executable.getGenericParameterTypes();
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            String typeName = parameters[i].getTypeName();
            if (executable.isVarArgs() && i == parameters.length - 1) {
                typeName = typeName.substring(0, typeName.length() - 2) + "...";
            }
            rendered.add(typeName);
        }
        return prefix + name + "(" + String.join(", ", rendered) + ");";
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers);
        return text.isEmpty() ? "" : text + " ";
    }

    /** Class header line -> its member lines, as javap printed them. */
    private static Map<String, Set<String>> officialListing() throws IOException {
        Map<String, Set<String>> classes = new HashMap<>();
        try (InputStream in = SnowflakeSdkSignatureTest.class.getResourceAsStream(LISTING)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> current = null;
            for (String raw : text.split("\n")) {
                String line = raw.strip();
                if (line.startsWith("public ") && line.endsWith("{")) {
                    current = new TreeSet<>();
                    classes.put(line, current);
                } else if (line.equals("}")) {
                    current = null;
                } else if (current != null && !line.isEmpty()) {
                    current.add(line);
                }
            }
        }
        assertTrue(classes.size() >= 20, "listing parsed into " + classes.size() + " classes");
        return classes;
    }

    /** Every class compiled from the binding's source root (they share the program's output directory). */
    private static List<Class<?>> bindingClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = root.resolve("com/pulumi/snowflake");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                classes.add(Class.forName(relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.'), false, SnowflakeSdkSignatureTest.class.getClassLoader()));
            }
        }
        assertTrue(classes.size() >= 16, "found " + classes.size() + " binding classes under " + packageDir);
        return classes;
    }
}
