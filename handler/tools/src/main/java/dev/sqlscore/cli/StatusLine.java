package dev.sqlscore.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * What a long command says on stderr while it works: a progress line rewritten in place (counts only, never row
 * data) and whole-line messages such as retries, which first end the progress line so nothing is overwritten.
 */
final class StatusLine {

    /** Set by the ./sqlscore launcher, which can tell whether stderr is a terminal (Java cannot). */
    static final String STDERR_TERMINAL_VARIABLE = "SQLSCORE_STDERR_IS_TERMINAL";

    private final PrintWriter err;
    private final boolean showProgress;
    private boolean progressShown;
    private int shownLength;

    private StatusLine(PrintWriter err, boolean showProgress) {
        this.err = err;
        this.showProgress = showProgress;
    }

    /** Progress is shown when asked for, or when stderr is a terminal; messages always. */
    static StatusLine forStderr(PrintWriter err, boolean progressAsked) {
        return new StatusLine(err, progressAsked || stderrIsTerminal());
    }

    synchronized void progress(String text) {
        if (showProgress) {
            // Blanks over what a longer previous text left: no terminal escapes, so a log file stays readable.
            err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
            err.flush();
            progressShown = true;
            shownLength = text.length();
        }
    }

    synchronized void message(String line) {
        endProgress();
        err.println(line);
        err.flush();
    }

    synchronized void finish() {
        endProgress();
        err.flush();
    }

    private void endProgress() {
        if (progressShown) {
            err.println();
            progressShown = false;
            shownLength = 0;
        }
    }

    private static boolean stderrIsTerminal() {
        String told = System.getenv(STDERR_TERMINAL_VARIABLE);
        if (told != null) {
            return told.equals("1");
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // JDK 22+ returns a Console even when redirected and says so with isTerminal(); we compile for 21.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
