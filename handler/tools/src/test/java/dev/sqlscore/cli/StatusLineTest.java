package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private final StringWriter err = new StringWriter();

    @Test
    void rewritesOneLineAndBlanksWhatALongerTextLeft() {
        StatusLine status = StatusLine.inPlace(new PrintWriter(err));
        status.progress("1000 rows answered");
        status.progress("999 rows");
        status.finish();

        assertEquals("\r1000 rows answered\r999 rows          " + System.lineSeparator(), err.toString());
    }

    @Test
    void aMessageEndsTheProgressLineFirst() {
        StatusLine status = StatusLine.inPlace(new PrintWriter(err));
        status.progress("10 rows");
        status.message("batch 1 (rows 10..19): HTTP 503; retry 1 of 5 in 0.3 s");
        status.progress("20 rows");
        status.finish();

        String nl = System.lineSeparator();
        assertEquals("\r10 rows" + nl + "batch 1 (rows 10..19): HTTP 503; retry 1 of 5 in 0.3 s" + nl
                        + "\r20 rows" + nl,
                err.toString());
    }

    /** Into a file: a line per change, no carriage return, no repeats (polls say the same thing many times). */
    @Test
    void intoAFileEveryChangeIsALine() {
        StatusLine status = StatusLine.asLines(new PrintWriter(err));
        status.progress("batch 0: pending, queued (0 s)");
        status.progress("batch 0: pending, queued (0 s)");
        status.progress(StatusLine.rows(1) + " answered");
        status.finish();

        String nl = System.lineSeparator();
        assertEquals("batch 0: pending, queued (0 s)" + nl + "1 row answered" + nl, err.toString());
    }

    /** Results on stdout share the terminal: the progress line is taken off first, then drawn again. */
    @Test
    void clearingTakesTheProgressLineOffTheScreen() {
        StatusLine status = StatusLine.inPlace(new PrintWriter(err));
        status.progress("batch 0: pending (3 s)");
        status.clear();
        status.progress(StatusLine.rows(6) + " answered");
        status.finish();

        assertEquals("\rbatch 0: pending (3 s)\r" + " ".repeat(22) + "\r\r6 rows answered" + System.lineSeparator(),
                err.toString());
    }
}
