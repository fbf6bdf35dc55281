package dev.sqlscore.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.snowflake.FunctionSettings;
import dev.sqlscore.snowflake.Gzip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots the initialized function, run synthetic batches through the real
 * event-parse, settings, encode, SDK (marshalling, signing, unmarshalling), decode and response-write path, in every
 * payload format and with a gzip+base64 body, so that the snapshot holds loaded, initialized and partly compiled
 * classes.
 *
 * <p>The model sits behind a second SageMaker client whose HTTP client answers in memory, with placeholder
 * credentials and region: priming touches no network. After restore nothing is stale, because nothing
 * network-bound was used before the snapshot: the function's own SageMaker client is built at init but never
 * called, so it holds no pooled connection, no resolved credentials (the default chain resolves them on first use,
 * after restore) and no cached DNS answer. {@link #afterRestore} therefore has nothing to do.
 */
final class SnapStartPriming implements Resource {

    static final String ENDPOINT = "sqlscore-priming";
    private static final int ROWS = 64;
    private static final int FEATURES = 13;
    private static final int ROUNDS = 25;

    private final ProxyExchange exchange;
    private final ModelInvoker model;
    private final Runnable onRestore;
    private final ObjectMapper json = new ObjectMapper();

    /** @param onRestore told after a restore, so the first batch counts it */
    SnapStartPriming(ProxyExchange exchange, Runnable onRestore) {
        this(exchange, new PrimingModel(), onRestore);
    }

    /** @param model answers behind an in-memory SageMaker client: the SDK's own path is primed too */
    SnapStartPriming(ProxyExchange exchange, ModelInvoker model, Runnable onRestore) {
        this.exchange = exchange;
        this.model = model;
        this.onRestore = onRestore;
    }

    /** @throws IllegalStateException when a synthetic batch fails: the snapshot would hide a broken handler */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<byte[]> events = new ArrayList<>();
        for (PayloadFormat format : PayloadFormat.values()) {
            events.add(event(format, false));
            events.add(event(format, true));
        }
        // Built here, not at init: functions without SnapStart never pay for a second SDK client.
        try (SageMakerModelInvoker inMemory = SageMakerModelInvoker.inMemory(model)) {
            BatchScorer scorer = BatchScorer.builder().config(ScoringConfig.defaults()).invoker(inMemory)
                    .logSink(line -> { }).build();
            for (int round = 0; round < ROUNDS; round++) {
                for (byte[] event : events) {
                    byte[] answer = exchange.answer(scorer, new ByteArrayInputStream(event), Duration.ofSeconds(30));
                    String text = new String(answer, StandardCharsets.UTF_8);
                    if (!text.startsWith("{\"statusCode\":200,")) {
                        throw new IllegalStateException("SnapStart priming: a synthetic batch failed: " + text);
                    }
                }
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing network-bound exists yet (see the class comment): only the restore is counted.
        onRestore.run();
    }

    /** A Snowflake batch as API Gateway delivers it, like the demo's churn rows. */
    private byte[] event(PayloadFormat format, boolean gzip) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode data = batch.putArray("data");
        for (int row = 0; row < ROWS; row++) {
            ArrayNode values = data.addArray().add(row).addArray();
            for (int feature = 0; feature < FEATURES; feature++) {
                values.add(feature % 3 == 0 ? row % 2 : (row * 31 + feature) / 97.0 - 0.5);
            }
        }
        ObjectNode event = json.createObjectNode().put("httpMethod", "POST");
        ObjectNode headers = event.putObject("headers")
                .put("sf-external-function-format", "json")
                .put("sf-external-function-format-version", "1.0")
                .put("sf-custom-" + FunctionSettings.ENDPOINT_NAME, ENDPOINT)
                .put("sf-custom-" + FunctionSettings.CONTENT_TYPE, format.mediaType());
        try {
            byte[] body = json.writeValueAsBytes(batch);
            if (gzip) {
                headers.put("Content-Encoding", "gzip");
                event.put("body", Base64.getEncoder().encodeToString(Gzip.compress(body)))
                        .put("isBase64Encoded", true);
            } else {
                event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
            }
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
