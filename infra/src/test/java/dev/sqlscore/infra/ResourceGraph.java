package dev.sqlscore.infra;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.test.PulumiTest;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependency graph the engine builds, which the mocks never see: a resource depends on everything in its
 * {@code dependsOn} and on every resource behind an {@code Output} among its inputs, nested input types included
 * (what the SDK's serializer sends as the registration's dependencies). The engine creates a resource only after
 * all of these, and deletes it before them. Keys are {@code "<type> <name>"}.
 */
final class ResourceGraph {

    private final Map<String, Set<String>> direct;

    private ResourceGraph(Map<String, Set<String>> direct) {
        this.direct = direct;
    }

    static String key(Resource resource) {
        return resource.pulumiResourceType() + " " + resource.pulumiResourceName();
    }

    static ResourceGraph of(Map<String, ResourceOptions> options, Map<String, ResourceArgs> args) {
        Map<String, Set<String>> direct = new HashMap<>();
        options.forEach((key, resourceOptions) -> {
            Set<String> dependencies = new TreeSet<>();
            for (Resource resource : PulumiTest.<List<Resource>>extractValue(
                    resourceOptions.getDependsOn())) {
                dependencies.add(key(resource));
            }
            collect(args.get(key), dependencies);
            direct.put(key, dependencies);
        });
        return new ResourceGraph(direct);
    }

    /** The resources this one's registration waits for. */
    Set<String> directDependencies(String key) {
        Set<String> dependencies = direct.get(key);
        if (dependencies == null) {
            throw new AssertionError("no resource " + key + "; have " + new TreeSet<>(direct.keySet()));
        }
        return dependencies;
    }

    /** Everything created before this resource. */
    Set<String> createdBefore(String key) {
        Set<String> seen = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(directDependencies(key));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (seen.add(next)) {
                pending.addAll(directDependencies(next));
            }
        }
        return seen;
    }

    Set<String> resources() {
        return new TreeSet<>(direct.keySet());
    }

    private static void collect(Object value, Set<String> into) {
        if (value instanceof Output<?> output) {
            var internal = Internal.of(output);
            internal.getResources().join().forEach(resource -> into.add(key(resource)));
            collect(internal.getDataAsync().join().getValueNullable(), into);
        } else if (value instanceof InputArgs inputs) {
            for (Class<?> type = inputs.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Import.class)) {
                        field.setAccessible(true);
                        try {
                            collect(field.get(inputs), into);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, into));
        }
    }
}
