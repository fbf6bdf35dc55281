package dev.sqlscore.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.payload.CsvRecordReader.Field;
import dev.sqlscore.payload.CsvRecordReader.MalformedCsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void readsFieldsQuotesAndEveryKindOfLineBreak() {
        List<List<Field>> records = all(CsvRecordReader.strict(new StringReader(
                "1,\"a,b\",\"say \"\"hi\"\"\"\r\n,\"two\nlines\"\r3\n")));

        assertEquals(List.of(
                List.of(new Field("1", false), new Field("a,b", true), new Field("say \"hi\"", true)),
                List.of(new Field("", false), new Field("two\nlines", true)),
                List.of(new Field("3", false))), records);
    }

    @Test
    void countsLinesAcrossQuotedLineBreaksAndSkipsBlankLinesWhenStrict() {
        CsvRecordReader reader = CsvRecordReader.strict(new StringReader("a\n\n\"x\ny\",b\n\nc"));

        assertEquals(List.of(new Field("a", false)), reader.next());
        assertEquals(1, reader.recordLine());
        reader.next();
        assertEquals(3, reader.recordLine());
        assertEquals(List.of(new Field("c", false)), reader.next());
        assertEquals(6, reader.recordLine());
        assertNull(reader.next());
    }

    @Test
    void windowsAndOldMacLineEndsCountOneLineEach() {
        CsvRecordReader reader = CsvRecordReader.strict(new StringReader("a\r\n\r\nb\rc\r\n"));

        assertEquals(List.of(new Field("a", false)), reader.next());
        assertEquals(1, reader.recordLine());
        assertEquals(List.of(new Field("b", false)), reader.next());
        assertEquals(3, reader.recordLine());
        assertEquals(List.of(new Field("c", false)), reader.next());
        assertEquals(4, reader.recordLine());
        assertNull(reader.next());
    }

    @Test
    void strictNamesTheLineAndTheFix() {
        assertProblem("a,b\nx\"y\n", 2, "quote inside an unquoted field");
        assertProblem("a\n\"open,\nstill open", 2, "never closed");
        assertProblem("\"closed\"tail", 1, "text after a closing quote");
    }

    @Test
    void lenientKeepsWhatAModelWrote() {
        List<List<Field>> records = all(CsvRecordReader.lenient(new StringReader("x\"y\n\n\"q\"tail\n\"open")));

        assertEquals(List.of(List.of(new Field("x\"y", false)), List.of(new Field("", false)),
                List.of(new Field("qtail", true)), List.of(new Field("open", true))), records);
    }

    @Test
    void aFinalLineBreakStartsNoRecord() {
        assertEquals(1, all(CsvRecordReader.lenient(new StringReader("a\n"))).size());
        assertEquals(2, all(CsvRecordReader.lenient(new StringReader("a\n\n"))).size());
        assertEquals(0, all(CsvRecordReader.lenient(new StringReader(""))).size());
    }

    /** Records and quoted fields that straddle the reader's buffer, read a few characters at a time. */
    @Test
    void recordsMayCrossBufferBoundaries() {
        StringBuilder text = new StringBuilder();
        List<List<Field>> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String quoted = "v" + i + ",\"\n" + "x".repeat(i % 17);
            text.append(i).append(",\"").append(quoted.replace("\"", "\"\"")).append("\"\r\n");
            expected.add(List.of(new Field(Integer.toString(i), false), new Field(quoted, true)));
        }
        Reader trickle = new Reader() {
            private final StringReader in = new StringReader(text.toString());

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return in.read(buffer, offset, Math.min(length, 7));
            }

            @Override
            public void close() {
            }
        };

        assertEquals(expected, all(CsvRecordReader.strict(trickle)));
        assertTrue(text.length() > 8192 * 4);
    }

    private static void assertProblem(String csv, int line, String problem) {
        CsvRecordReader reader = CsvRecordReader.strict(new StringReader(csv));
        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> all(reader));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith("line " + line + ": ") && e.getMessage().contains(problem),
                e.getMessage());
    }

    private static List<List<Field>> all(CsvRecordReader reader) {
        List<List<Field>> records = new ArrayList<>();
        for (List<Field> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
