package dev.sqlscore.local.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultWriterTest {

    private static String write(ResultWriter.Format format) throws Exception {
        List<JsonNode> values = List.of(LocalJson.MAPPER.readTree(
                "[0.6623, \"a,b\", \"say \\\"hi\\\"\", \"\", null, true, {\"score\": 0.50}, [1, 2]]")
                .valueStream().toArray(JsonNode[]::new));
        StringWriter out = new StringWriter();
        ResultWriter.write(values, format, new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void csvQuotesWhatNeedsItAndPrintsNestedValuesAsJson() throws Exception {
        assertEquals("0.6623\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"\"\n\ntrue\n\"{\"\"score\"\":0.50}\"\n\"[1,2]\"\n",
                write(ResultWriter.Format.CSV));
    }

    @Test
    void jsonPrintsOneValuePerLine() throws Exception {
        assertEquals("0.6623\n\"a,b\"\n\"say \\\"hi\\\"\"\n\"\"\nnull\ntrue\n{\"score\":0.50}\n[1,2]\n",
                write(ResultWriter.Format.JSON));
    }
}
