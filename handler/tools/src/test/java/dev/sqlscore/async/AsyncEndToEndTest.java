package dev.sqlscore.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.PollPolicy;
import dev.sqlscore.local.client.RetryPolicy;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.demo.LocalPipeline;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncEndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        http.close();
    }

    @Test
    void slowModelIsAnsweredThroughPolls() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ChurnModel churn = new ChurnModel(line -> { });
        pipeline = LocalPipeline.builder()
                .api(LocalApiServer.builder().port(0).log(line -> { })
                        .integrationTimeout(Duration.ofSeconds(2)).functionTimeout(Duration.ofSeconds(2)))
                .asyncEndpoint("slow-model", invocation -> {
                    calls.incrementAndGet();
                    return churn.invoke(invocation);
                }, Duration.ofSeconds(3))
                .start();
        SnowflakeRequestFactory.Builder requests = SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                .timeout(Duration.ofSeconds(10));
        pipeline.asyncFunctionHeaders().forEach(requests::customHeader);
        List<String> polls = new CopyOnWriteArrayList<>();
        ExternalFunctionClient client = ExternalFunctionClient.builder().http(http).requests(requests.build())
                .retryPolicy(new RetryPolicy(0, Duration.ofMillis(5), Duration.ofMillis(5)))
                .pollPolicy(new PollPolicy(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30)))
                .polls((batch, count, waited, state) -> polls.add(state))
                .build();
        List<JsonNode> rows = rows(300);
        List<JsonNode> values = client.call(SnowflakeBatch.split(rows, 300));
        assertEquals(300, values.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] features = new double[ChurnModel.FEATURES];
            for (int f = 0; f < features.length; f++) {
                features[f] = Double.parseDouble(rows.get(i).get(f).toString());
            }
            assertEquals(ChurnModel.score(features), values.get(i).asDouble(), 1e-6, "row " + i);
        }
        assertEquals(1, calls.get());
        assertTrue(polls.size() >= 3, polls.toString());
        assertTrue(polls.contains("0 of 1 model requests answered"), polls.toString());
    }

    static List<JsonNode> rows(int count) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < count; row++) {
            for (int feature = 0; feature < ChurnModel.FEATURES; feature++) {
                csv.append(feature == 0 ? "" : ",").append(Math.round(random.nextGaussian() * 1000) / 1000.0);
            }
            csv.append('\n');
        }
        return RowReader.read(csv.toString(), RowReader.Format.CSV, false);
    }
}
