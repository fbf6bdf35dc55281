package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void rewritesOneLineWithCountsAndEndsIt() {
        StringWriter err = new StringWriter();
        ProgressLine progress = ProgressLine.forStderr(new PrintWriter(err), true);
        progress.rowsDone(1_000, 2_500);
        progress.rowsDone(2_500, 2_500);
        progress.finish();
        assertEquals("\r1000 / 2500 rows\r2500 / 2500 rows" + System.lineSeparator(), err.toString());
    }

    @Test
    void runDoneInOneBatchShowsNothing() {
        StringWriter err = new StringWriter();
        ProgressLine progress = ProgressLine.forStderr(new PrintWriter(err), true);
        progress.rowsDone(6, 6);
        progress.finish();
        assertEquals("", err.toString());
    }
}
