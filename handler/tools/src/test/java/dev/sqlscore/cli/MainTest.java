package dev.sqlscore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command tree as a newcomer meets it: every command in the help, each with --help, and a wrong one named. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theHelpListsEveryCommandPlanIncluded() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"demo", "serve", "invoke", "plan", "help"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " missing from:\n" + out);
        }
    }

    @Test
    void helpIsACommandToo() {
        assertEquals(0, run("help"));
        assertTrue(out.toString().contains("Usage: sqlscore"), out.toString());
        assertEquals(0, run("help", "invoke"));
        assertTrue(out.toString().contains("Usage: sqlscore invoke"), out.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "serve", "invoke", "plan"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"), err.toString());
            assertTrue(out.toString().startsWith("Usage: sqlscore " + command), out.toString());
        }
        assertTrue(out.toString().contains("./sqlscore plan [STACK]"), out.toString());
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        assertEquals(2, run("deploy"));
        assertEquals("sqlscore: unknown command 'deploy'; the commands are demo, serve, invoke, plan, help\n"
                + "See 'sqlscore --help'.\n", err.toString().replace("\r\n", "\n"));
    }

    @Test
    void planInThisJarSaysToRunItThroughTheLauncher() {
        assertEquals(2, run("plan", "prod"));
        assertTrue(err.toString().contains("run ./sqlscore plan prod from the repository root"), err.toString());
    }

    /** A usage error names what was wrong: the option of a bad value, an unknown option (not the file after it). */
    @Test
    void usageErrorsNameWhatWasWrong() {
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/v1/score", "--concurrency", "zero", "rows.csv"));
        assertTrue(err.toString().startsWith("invoke: Invalid value for option '--concurrency': 'zero' is not an int"),
                err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/v1/score", "--bogus", "x", "rows.csv"));
        assertEquals("invoke: unknown option '--bogus'; unexpected argument 'rows.csv'\n"
                + "See 'sqlscore invoke --help'.\n", err.toString().replace("\r\n", "\n"));

        err.getBuffer().setLength(0);
        assertEquals(2, run("invoke", "--url", "http://127.0.0.1:1/v1/score", "--skip-headers", "rows.csv"));
        assertTrue(err.toString().startsWith("invoke: unknown option '--skip-headers' (did you mean --skip-header"),
                err.toString());
    }

    /** Help text keeps every URL whole, whatever the width it wraps at. */
    @Test
    void helpNeverBreaksAUrl() {
        for (String command : new String[] {"invoke", "serve"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"));
            Matcher urls = Pattern.compile("https?://\\S+").matcher(out.toString());
            int found = 0;
            while (urls.find()) {
                found++;
                assertTrue(urls.group().endsWith("/score") || urls.group().endsWith("/score)"),
                        command + ": a URL cut short: " + urls.group());
            }
            assertTrue(found >= 2, command + " help shows its URLs:\n" + out);
        }
    }
}
