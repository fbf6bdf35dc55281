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
    /** A terminal: one line rewritten in place. Otherwise (a file, a pipe) one line per change. */
    private final boolean inPlace;
    private boolean progressShown;
    private int shownLength;
    private String lastProgress;

    private StatusLine(PrintWriter err, boolean showProgress, boolean inPlace) {
        this.err = err;
        this.showProgress = showProgress;
        this.inPlace = inPlace;
    }

    /**
     * Progress is shown when asked for, or when stderr is a terminal; in place on a terminal, as lines elsewhere.
     * Messages are always shown.
     */
    static StatusLine forStderr(PrintWriter err, boolean progressAsked) {
        boolean terminal = stderrIsTerminal();
        return new StatusLine(err, progressAsked || terminal, terminal);
    }

    /** As on a terminal: one progress line rewritten in place. */
    static StatusLine inPlace(PrintWriter err) {
        return new StatusLine(err, true, true);
    }

    /** As into a file: every progress change a line of its own, no carriage returns. */
    static StatusLine asLines(PrintWriter err) {
        return new StatusLine(err, true, false);
    }

    synchronized void progress(String text) {
        if (!showProgress || text.equals(lastProgress)) {
            return;
        }
        lastProgress = text;
        if (!inPlace) {
            err.println(text);
            err.flush();
            return;
        }
        // Blanks over what a longer previous text left: no terminal escapes, so a log file stays readable.
        err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
        err.flush();
        progressShown = true;
        shownLength = text.length();
    }

    /**
     * Takes the progress line off the screen before results go to standard output, which shares the terminal: they
     * would otherwise be written after it, on the same line. It is drawn again at the next progress.
     */
    synchronized void clear() {
        if (progressShown) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            progressShown = false;
            shownLength = 0;
            lastProgress = null;
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
            lastProgress = null;
        }
    }

    /** {@code 1 row}, {@code 2 rows}. */
    static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
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
