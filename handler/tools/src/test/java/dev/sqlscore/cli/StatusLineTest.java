package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private final StringWriter err = new StringWriter();

    @Test
    void rewritesOneLineAndBlanksWhatALongerTextLeft() {
        StatusLine status = StatusLine.forStderr(new PrintWriter(err), true);
        status.progress("1000 rows answered");
        status.progress("999 rows");
        status.finish();

        assertEquals("\r1000 rows answered\r999 rows          " + System.lineSeparator(), err.toString());
    }

    @Test
    void aMessageEndsTheProgressLineFirst() {
        StatusLine status = StatusLine.forStderr(new PrintWriter(err), true);
        status.progress("10 rows");
        status.message("batch 1 (rows 10..19): HTTP 503; retry 1 of 5 in 0.3 s");
        status.progress("20 rows");
        status.finish();

        String nl = System.lineSeparator();
        assertEquals("\r10 rows" + nl + "batch 1 (rows 10..19): HTTP 503; retry 1 of 5 in 0.3 s" + nl
                        + "\r20 rows" + nl,
                err.toString());
    }
}
