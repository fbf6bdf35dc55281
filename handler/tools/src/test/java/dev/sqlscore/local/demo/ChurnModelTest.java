package dev.sqlscore.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.LocalJson;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.modelserver.Invocation;
import dev.sqlscore.modelserver.Reply;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChurnModelTest {

    private static final String SEED_ROW = "-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0";

    @Test
    void scoresTheSeedRowWithTheFixedLogisticModel() {
        double z = -0.4 + 0.85 * -0.32 - 0.62 * 0.29 + 1.10 * -1.041 - 0.74 * -0.91 + 0.48 * 0.021 + 0.52 - 0.31
                + 0.44 + 0.91;
        double expected = 1 / (1 + Math.exp(-z));
        ChurnModel.Answer csv = ChurnModel.predict((SEED_ROW + "\n" + SEED_ROW + "\n").getBytes(), "text/csv");
        assertEquals("text/csv", csv.contentType());
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertEquals(expected, Double.parseDouble(lines[0]), 1e-6);
    }

    @Test
    void answersJsonPredictionsWhenAsked() throws Exception {
        ChurnModel.Answer json = ChurnModel.predict(SEED_ROW.getBytes(), "application/json");
        JsonNode prediction = LocalJson.MAPPER.readTree(json.body()).get("predictions").get(0);
        double score = prediction.get("score").asDouble();
        assertTrue(score > 0 && score < 1);
        assertEquals(score >= 0.5 ? 1 : 0, prediction.get("predicted_label").asInt());
    }

    @Test
    void rejectsRowsThatAreNotThirteenNumbers() {
        // Counted from 0, as Snowflake numbers rows (and invoke's batches) and array elements.
        assertEquals("row index 1 of the request has 2 values, not 13", assertThrows(
                IllegalArgumentException.class, () -> ChurnModel.predict((SEED_ROW + "\n1,2").getBytes(), null))
                .getMessage());
        assertEquals("row index 0 of the request, feature index 0: 'x' is not a number (a header row?)", assertThrows(
                IllegalArgumentException.class, () -> ChurnModel.predict(SEED_ROW.replace("-0.32", "x").getBytes(),
                        null)).getMessage());
    }

    /** It is not SageMaker: it says on its own terminal which row and column it refused, and what it takes. */
    @Test
    void explainsARefusalToWhoeverRunsIt() {
        List<String> said = new ArrayList<>();
        ChurnModel model = new ChurnModel(said::add);

        Reply reply = model.invoke(invocation("text/csv", "age,plan\n"));
        Reply wrongType = model.invoke(invocation("application/json", "{}"));

        assertEquals(400, ((Reply.ContainerAnswer) reply).status());
        assertEquals(415, ((Reply.ContainerAnswer) wrongType).status());
        assertEquals(2, said.size());
        assertTrue(said.get(0).startsWith("demo model refused a request: row index 0 of the request has 2 values, "
                + "not 13. It takes 13 numbers per row, as text/csv without a header, e.g. "), said.get(0));
        assertTrue(said.get(1).contains("reads text/csv, not application/json"), said.get(1));
    }

    private static Invocation invocation(String contentType, String body) {
        return new Invocation(new ModelRequest("churn-demo", contentType, "text/csv", null, null, null, null,
                body.getBytes()), HttpHeaders.ofSingle(Map.of()));
    }
}
