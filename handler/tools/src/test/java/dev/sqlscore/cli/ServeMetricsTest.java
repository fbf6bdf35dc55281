package dev.sqlscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code serve} prints what CloudWatch will see: the start line and each batch's metric document, on stdout. */
@DisabledOnOs(OS.WINDOWS)
class ServeMetricsTest {

    private static final Pattern SERVING = Pattern.compile("Serving the external function at (\\S+)");

    @Test
    void serveLogsTheSameMetricDocumentsAsTheLambda() throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--demo-model").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8)); HttpClient http = HttpClient.newHttpClient()) {
            URI uri = null;
            while (uri == null) {
                String line = out.readLine();
                assertTrue(line != null, "serve ended before listening");
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    uri = URI.create(serving.group(1));
                }
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("sf-custom-sagemaker-endpoint-name", "churn-demo")
                    .header("sf-external-function-name", "SAGEMAKER_INVOKE")
                    .header("sf-context-current-user", "ALICE")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"data\":[[0,[-0.32,0.29,-1.041,0,-0.91,0.021,1,1,1,0,0,1,0]]]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());

            List<JsonNode> logged = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            while (logged.size() < 2) {
                String line = out.readLine();
                assertTrue(line != null, "serve ended before logging the batch");
                if (line.startsWith("{")) {
                    logged.add(json.readTree(line));
                }
            }
            assertEquals("sqlscore.start", logged.get(0).get("event").asText());
            assertEquals(1, logged.get(0).get("coldStarts").asInt());
            JsonNode batch = logged.get(1);
            assertEquals("sqlscore.batch", batch.get("event").asText());
            assertEquals("ALICE", batch.get("user").asText());
            assertEquals("churn-demo", batch.get("endpoint").asText());
            assertEquals("sqlscore", batch.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
            assertEquals("[[\"endpoint\"],[\"function\",\"endpoint\"]]",
                    batch.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
