package dev.sqlscore.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.sqlscore.crypto.NativeCrypto;
import dev.sqlscore.s3.S3ObjectStore;
import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import dev.sqlscore.scoring.BatchScorer;
import dev.sqlscore.scoring.ScoringConfig;
import dev.sqlscore.telemetry.StartLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.crac.Core;

/**
 * The Lambda function behind a Snowflake external function: API Gateway REST proxy events (payload 1.0) in,
 * proxy responses out, the scoring done by a {@link BatchScorer} over SageMaker. Built once per execution
 * environment; {@link #handleRequest} never throws for anything an event contains.
 */
public final class ExternalFunctionHandler implements RequestStreamHandler {

    /** One JSON line per batch to standard output: CloudWatch Logs on Lambda. */
    private static final Consumer<String> LOG = System.out::println;

    private final BatchScorer scorer;
    private final ProxyExchange exchange;
    private final Consumer<String> logSink;
    /** How this environment started, until its first batch reports it; a SnapStart restore sets it again. */
    private final AtomicReference<StartLog.Start> unreportedStart = new AtomicReference<>(StartLog.Start.COLD);
    /** Held here because CRaC keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    /**
     * Lambda's entry point: the deployment's {@code SQLSCORE_*} settings, SageMaker (and S3, for asynchronous
     * functions) through the SDK's default region and credentials chains, and SnapStart priming.
     *
     * @throws IllegalStateException naming the {@code SQLSCORE_*} variable that is invalid
     */
    public ExternalFunctionHandler() {
        this(System.getenv());
    }

    /**
     * As Lambda builds it, with {@code environment} in place of the process's: how the local tools run the handler
     * with settings of their own.
     *
     * @throws IllegalStateException naming the {@code SQLSCORE_*} variable that is invalid
     */
    public ExternalFunctionHandler(Map<String, String> environment) {
        this(environment, LOG);
    }

    /** As {@link #ExternalFunctionHandler(Map)}, its log lines to {@code logSink} instead of standard output. */
    public ExternalFunctionHandler(Map<String, String> environment, Consumer<String> logSink) {
        this(scorer(configFromEnvironment(environment), logSink), logSink);
        Core.getGlobalContext().register(priming);
    }

    /**
     * AWS-LC's SHA-256 and AES-GCM first, for the SDK's signing and TLS. The S3 client exists only where a function
     * may be asynchronous: it costs cold-start time.
     */
    private static BatchScorer scorer(ScoringConfig config, Consumer<String> logSink) {
        NativeCrypto.install();
        SageMakerModelInvoker sageMaker = SageMakerModelInvoker.create();
        BatchScorer.Builder scorer = BatchScorer.builder().config(config).invoker(sageMaker).logSink(logSink);
        if (config.asyncStatePath() != null) {
            scorer.async(S3ObjectStore.create(), sageMaker);
        }
        return scorer.build();
    }

    ExternalFunctionHandler(BatchScorer scorer, Consumer<String> logSink) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.logSink = Objects.requireNonNull(logSink, "logSink");
        this.exchange = new ProxyExchange(logSink);
        this.priming = new SnapStartPriming(exchange, () -> unreportedStart.set(StartLog.Start.RESTORE));
    }

    /*
     * A bad SQLSCORE_* value fails the function's initialization rather than being answered on every request.
     * With SnapStart, initialization runs when a version is published, so the mistake stops the deployment with
     * the variable named, before any query meets it; without it, every cold start fails loudly in the function's
     * log. Answering each request with a 500 instead would let a broken deployment go live unnoticed, and
     * Snowflake would retry every batch against it (it retries 5xx) before showing anyone the message.
     */
    static ScoringConfig configFromEnvironment(Map<String, String> environment) {
        try {
            return ScoringConfig.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sqlscore cannot start: " + e.getMessage() + ". Fix that environment "
                    + "variable of the Lambda function (the infra program sets it) and redeploy", e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Duration timeRemaining = context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis());
        StartLog.Start start = unreportedStart.getAndSet(null);
        if (start != null) {
            logSink.accept(StartLog.json(start, scorer.metricsNamespace(), NativeCrypto.status().description(),
                    System.currentTimeMillis()));
        }
        output.write(exchange.answer(scorer, input, timeRemaining));
    }

    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public String toString() {
        return "ExternalFunctionHandler[" + scorer + "]";
    }
}
