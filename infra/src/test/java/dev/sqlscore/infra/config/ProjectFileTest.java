package dev.sqlscore.infra.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulumi.yaml declares the keys the reader reads, with the defaults the reader applies. */
class ProjectFileTest {

    private static final Path PROJECT_FILE = Path.of("..", "Pulumi.yaml");
    private static final Pattern KEY = Pattern.compile("^  (sqlscore:\\w+):\\s*$");
    private static final Pattern DEFAULT = Pattern.compile("^    default: (.+)$");

    @Test
    void declaresExactlyTheKeysTheReaderReads() throws Exception {
        Set<String> read = new TreeSet<>();
        for (Field field : StackConfigReader.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String key
                    && key.startsWith("sqlscore:")) {
                read.add(key);
            }
        }
        assertEquals(read, new TreeSet<>(declared().keySet()));
    }

    @Test
    void declaredDefaultsAreTheReadersDefaults() throws IOException {
        Map<String, String> required = ValidConfig.minimal();
        Map<String, String> withDefaults = new HashMap<>(required);
        declared().forEach((key, value) -> {
            if (value != null) {
                withDefaults.put(key, value);
            }
        });
        assertTrue(withDefaults.size() >= required.size() + 10, "defaults found: " + declared());

        assertEquals(StackConfigReader.read(ConfigSource.of(required)),
                StackConfigReader.read(ConfigSource.of(withDefaults)));
    }

    /** Declared sqlscore keys and their defaults ({@code null} when none). */
    private static Map<String, String> declared() throws IOException {
        Map<String, String> declared = new LinkedHashMap<>();
        String current = null;
        List<String> lines = Files.readAllLines(PROJECT_FILE);
        for (String line : lines) {
            Matcher key = KEY.matcher(line);
            Matcher value = DEFAULT.matcher(line);
            if (key.matches()) {
                current = key.group(1);
                declared.put(current, null);
            } else if (value.matches() && current != null) {
                declared.put(current, value.group(1).strip());
            }
        }
        return declared;
    }
}
