package dev.sqlscore.cli;

import dev.sqlscore.local.client.ExternalFunctionClient;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/** "rows done / total" on one rewritten stderr line; counts only, never row data. */
final class ProgressLine implements ExternalFunctionClient.ProgressListener {

    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    private ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Shown when asked, or when the process runs in a terminal. */
    static ProgressLine forStderr(PrintWriter err, boolean asked) {
        return new ProgressLine(err, asked || inTerminal());
    }

    @Override
    public synchronized void rowsDone(int done, int total) {
        // A run that ends with its first batch needs no progress line.
        if (enabled && (shown || done < total)) {
            err.print("\r" + done + " / " + total + " rows");
            err.flush();
            shown = true;
        }
    }

    synchronized void finish() {
        if (shown) {
            err.println();
            err.flush();
            shown = false;
        }
    }

    private static boolean inTerminal() {
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
