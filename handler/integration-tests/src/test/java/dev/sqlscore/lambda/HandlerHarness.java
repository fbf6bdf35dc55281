package dev.sqlscore.lambda;

import dev.sqlscore.local.api.LocalLambdaContext;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.Model;
import dev.sqlscore.modelserver.ModelServer;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import dev.sqlscore.sagemaker.SageMakerTestClients;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler wired as on Lambda, but to a local model server through a real SDK client. */
final class HandlerHarness implements AutoCloseable {

    static final String ENDPOINT = "churn-xgb";

    /** The batch and Lambda lines, in order. */
    final List<String> logLines = new CopyOnWriteArrayList<>();
    /** The execution environment's start lines (one, with the first batch). */
    final List<String> startLines = new CopyOnWriteArrayList<>();
    /** Requests that reached the server, SDK retries included. */
    final AtomicInteger attempts = new AtomicInteger();
    final ModelServer server;
    private final SageMakerModelInvoker invoker;
    private final ExternalFunctionHandler handler;

    HandlerHarness(Model model, FaultHook hook, ScoringConfig config) {
        server = ModelServer.builder().endpoint(ENDPOINT, model).faultHook(invocation -> {
            attempts.incrementAndGet();
            return hook.before(invocation);
        }).start();
        invoker = SageMakerTestClients.invoker(server.endpointUri());
        BatchScorer scorer = BatchScorer.builder().config(config).invoker(invoker).logSink(logLines::add).build();
        handler = new ExternalFunctionHandler(scorer, line -> (line.startsWith("{\"event\":\"sqlscore.start\"")
                ? startLines : logLines).add(line));
    }

    HandlerHarness(Model model) {
        this(model, FaultHook.NONE, ScoringConfig.defaults());
    }

    ExternalFunctionHandler handler() {
        return handler;
    }

    TestEvents.Answer call(byte[] event, int remainingMillis) {
        return call(handler, event, remainingMillis);
    }

    TestEvents.Answer call(byte[] event) {
        return call(handler, event, 60_000);
    }

    static TestEvents.Answer call(ExternalFunctionHandler handler, byte[] event, int remainingMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(
                    "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", Duration.ofMillis(remainingMillis),
                    System.out::print));
        } catch (IOException e) {
            throw new AssertionError("handleRequest threw", e);
        }
        return TestEvents.answer(out.toByteArray());
    }

    @Override
    public void close() {
        invoker.close();
        server.close();
    }
}
