package dev.sqlscore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} times out as the deployed stack does by default: its defaults are the ones Pulumi.yaml declares. */
class ServeDefaultsTest {

    private static final Path PROJECT_FILE = Path.of("../../Pulumi.yaml");

    @Test
    void timeoutsDefaultToTheStacksDeclaredDefaults() throws IOException {
        var serve = new CommandLine(new ServeCommand()).getCommandSpec();

        assertEquals(declaredDefault("sqlscore:integrationTimeoutSeconds"),
                serve.findOption("--integration-timeout").defaultValue());
        assertEquals(declaredDefault("sqlscore:lambdaTimeoutSeconds"),
                serve.findOption("--function-timeout").defaultValue());
    }

    private static String declaredDefault(String key) throws IOException {
        String project = Files.readString(PROJECT_FILE);
        Matcher declaration = Pattern.compile("(?m)^  " + Pattern.quote(key) + ":\\n(?:    .*\\n)*?    default: (\\S+)")
                .matcher(project);
        assertTrue(declaration.find(), key + " has no default in " + PROJECT_FILE);
        return declaration.group(1);
    }
}
