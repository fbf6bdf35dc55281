package dev.sqlscore.local.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import java.io.IOException;
import java.util.Arrays;

/** Reads a 200 answer the way Snowflake checks it: {@code {"data": [[row, value], ...]}}, one row per row sent. */
final class AnswerReader {

    private AnswerReader() {
    }

    /**
     * The values in row order.
     *
     * @throws ExternalFunctionException saying what is wrong with the body (never quoting its values)
     */
    static JsonNode[] values(byte[] body, int rowsSent) {
        JsonNode root;
        try {
            root = LocalJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw malformed("the body is not JSON");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed("the body has no \"data\" array");
        }
        if (data.size() != rowsSent) {
            throw malformed("it answered " + data.size() + " rows for " + rowsSent + " sent");
        }
        JsonNode[] values = new JsonNode[rowsSent];
        for (JsonNode row : data) {
            if (!row.isArray() || row.size() != 2 || !row.get(0).canConvertToInt()) {
                throw malformed("a row is not [row_number, value]");
            }
            int number = row.get(0).asInt();
            if (number < 0 || number >= rowsSent || values[number] != null) {
                throw malformed("row number " + number + " is out of range or repeated");
            }
            values[number] = row.get(1);
        }
        if (Arrays.asList(values).contains(null)) {
            throw malformed("some row numbers are missing");
        }
        return values;
    }

    private static ExternalFunctionException malformed(String problem) {
        return new ExternalFunctionException(200, "Snowflake would reject this answer: " + problem);
    }
}
