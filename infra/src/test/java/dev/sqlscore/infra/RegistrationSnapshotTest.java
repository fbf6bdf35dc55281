package dev.sqlscore.infra;

import com.pulumi.asset.AssetOrArchive;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.test.PulumiTest;
import dev.sqlscore.infra.config.StackConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the program registers (type, name, inputs, the options the engine acts on), as one text. Two runs of
 * the same configuration register exactly the same, so a preview of an unchanged stack shows no change. The text is
 * written to {@code target/registrations.txt}: the drop-in check (docs/snowflake-binding.md) compares it between a
 * build on the binding and one on the official SDK.
 */
class RegistrationSnapshotTest extends StackTest {

    @Test
    void twoRunsOfTheSameConfigurationRegisterTheSame() throws IOException {
        var settings = TestSettings.with(StackConfigReader.GRANT_DATABASE_AND_SCHEMA_USAGE, "true",
                StackConfigReader.ACCESS_LOGGING, "manage-account-role");
        String first = snapshot(deploy(settings));
        PulumiTest.cleanup();
        String second = snapshot(deploy(settings));

        assertEquals(first, second);
        assertTrue(first.lines().count() > 30, first);
        Files.writeString(Path.of("target", "registrations.txt"), first);
    }

    static String snapshot(StackRun run) {
        Map<String, String> lines = new TreeMap<>();
        run.cloud.registered().forEach(r -> lines.put(r.type + " " + r.name,
                "inputs " + sorted(r.inputs) + "\n  options " + options(run.options.get(r.type + " " + r.name))));
        return lines.entrySet().stream().map(e -> e.getKey() + "\n  " + e.getValue())
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String options(ResourceOptions options) {
        if (options == null) {
            return "(none)";
        }
        List<Resource> dependsOn = PulumiTest.extractValue(options.getDependsOn());
        return "version=" + options.getVersion().orElse("") + " provider="
                + options.getProvider().map(Resource::pulumiResourceName).orElse("") + " parent="
                + options.getParent().map(Resource::pulumiResourceName).orElse("") + " dependsOn="
                + dependsOn.stream().map(ResourceGraph::key).sorted().toList() + " retainOnDelete="
                + options.isRetainOnDelete() + " secretOutputs=" + (options instanceof CustomResourceOptions custom
                ? custom.getAdditionalSecretOutputs().stream().sorted().toList() : List.of());
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RegistrationSnapshotTest::sorted).toList();
        }
        if (value instanceof AssetOrArchive archive) {
            var internal = AssetOrArchive.AssetOrArchiveInternal.from(archive);
            return archive.getClass().getSimpleName() + "(" + internal.getPropName() + "=" + internal.getValue() + ")";
        }
        return value;
    }
}
