package dev.sqlscore.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler's packages as docs/architecture.md draws them, read from the sources' own package and import lines:
 * no cycles, none over 20 files, and a functional core that names no AWS type.
 */
class PackageStructureTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[A-Z]", Pattern.MULTILINE);
    /** The translation between Snowflake and a model: pure code, tested without AWS. */
    private static final Set<String> CORE = Set.of("json", "errors", "payload", "snowflake", "model", "async",
            "telemetry", "scoring");

    @Test
    void packagesDependOneWay() throws IOException {
        Map<String, Set<String>> uses = imports();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            if (reachable(uses, from).contains(from)) {
                cycles.add(from);
            }
        }
        assertEquals(List.of(), cycles, "packages on a cycle; the edges: " + uses);
        assertTrue(uses.get("scoring").contains("model"), "the graph was read: " + uses);
    }

    @Test
    void theCoreNamesNoAwsType() throws IOException {
        Map<String, Set<String>> external = new TreeMap<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            String pkg = shortName(packageOf(source));
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                String target = imported.group(1);
                boolean aws = target.startsWith("software.amazon") || target.startsWith("com.amazonaws");
                if (CORE.contains(pkg) && aws) {
                    external.computeIfAbsent(pkg, p -> new TreeSet<>()).add(file.getFileName() + " -> " + target);
                }
            }
        }
        assertEquals(Map.of(), external);
    }

    @Test
    void noPackageHoldsMoreThanTwentyFiles() throws IOException {
        Map<String, Integer> sizes = new TreeMap<>();
        for (Path file : sources()) {
            sizes.merge(shortName(packageOf(Files.readString(file))), 1, Integer::sum);
        }
        assertTrue(sizes.size() >= CORE.size(), sizes.toString());
        sizes.forEach((pkg, files) -> assertTrue(files <= 20, pkg + " holds " + files + " files"));
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            String pkg = packageOf(source);
            Set<String> targets = uses.computeIfAbsent(shortName(pkg), p -> new TreeSet<>());
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                String target = imported.group(1);
                if (target.startsWith("dev.sqlscore.") && !target.equals(pkg)) {
                    targets.add(shortName(target));
                }
            }
        }
        return uses;
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> next = new ArrayList<>(uses.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String pkg = next.remove(next.size() - 1);
            if (seen.add(pkg)) {
                next.addAll(uses.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String packageOf(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        assertTrue(matcher.find(), "a source without a package line");
        return matcher.group(1);
    }

    private static String shortName(String pkg) {
        return pkg.startsWith("dev.sqlscore.") ? pkg.substring("dev.sqlscore.".length()) : pkg;
    }
}
