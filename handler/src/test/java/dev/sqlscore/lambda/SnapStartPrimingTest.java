package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private final List<String> logLines = new CopyOnWriteArrayList<>();

    @Test
    void primesEveryPayloadFormatThroughTheRealPathWithAnInMemoryModel() {
        List<ModelRequest> requests = new CopyOnWriteArrayList<>();
        AtomicInteger restores = new AtomicInteger();
        PrimingModel model = new PrimingModel();
        SnapStartPriming priming = new SnapStartPriming(new ProxyExchange(logLines::add), (request, timeout) -> {
            requests.add(request);
            return model.invoke(request, timeout);
        }, restores::incrementAndGet);

        priming.beforeCheckpoint(null);

        Set<String> types = requests.stream().map(ModelRequest::contentType).collect(Collectors.toSet());
        assertEquals(Stream.of(PayloadFormat.values()).map(PayloadFormat::mediaType).collect(Collectors.toSet()),
                types);
        assertEquals(25 * 2 * PayloadFormat.values().length, requests.size(), "25 rounds of a plain and a gzip batch "
                + "in every format");
        String csv = new String(requests.stream().filter(request -> request.contentType().equals("text/csv"))
                .findFirst().orElseThrow().body(), StandardCharsets.UTF_8);
        assertEquals(64, csv.lines().count(), "64 rows a batch");
        assertTrue(csv.lines().allMatch(row -> row.split(",").length == 13), "13 features a row");
        assertTrue(requests.stream().allMatch(request -> request.endpointName().equals(SnapStartPriming.ENDPOINT)));
        assertTrue(logLines.isEmpty(), "priming left log lines: " + logLines);
        assertEquals(0, restores.get());
        priming.afterRestore(null);
        assertEquals(1, restores.get(), "a restore is counted");
    }

    @Test
    void theHandlersPrimingNeverCallsItsRealModel() {
        AtomicInteger realCalls = new AtomicInteger();
        BatchScorer scorer = BatchScorer.builder().config(ScoringConfig.defaults()).invoker((request, timeout) -> {
            realCalls.incrementAndGet();
            throw new ModelInvocationException(ModelInvocationException.Failure.UNAVAILABLE, "no network here");
        }).logSink(logLines::add).build();

        new ExternalFunctionHandler(scorer, logLines::add).priming().beforeCheckpoint(null);

        assertEquals(0, realCalls.get());
        assertTrue(logLines.isEmpty(), logLines.toString());
    }

    @Test
    void aBrokenPathFailsTheCheckpointInsteadOfHidingInTheSnapshot() {
        SnapStartPriming priming = new SnapStartPriming(new ProxyExchange(logLines::add), (request, timeout) -> {
            throw new ModelInvocationException(ModelInvocationException.Failure.UNAVAILABLE, "down");
        }, () -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> priming.beforeCheckpoint(null));
        assertTrue(e.getMessage().startsWith("SnapStart priming: a synthetic batch failed"), e.getMessage());
        assertTrue(e.getMessage().contains("\"statusCode\":503"), e.getMessage());
    }
}
