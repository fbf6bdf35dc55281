package dev.sqlscore.cli;

import dev.sqlscore.lambda.ExternalFunctionHandler;
import dev.sqlscore.local.api.LocalApiServer;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.demo.LocalPipeline;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code serve}: the deployed API's contract on one machine, with the real handler behind it. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the external function's API locally: Snowflake-format POSTs (sf-* headers, gzip or "
                + "not) become the API Gateway REST proxy event, the real Lambda handler answers, and its status, "
                + "headers and body come back as API Gateway returns them. Ctrl-C stops it.",
                "SageMaker is reached through the AWS SDK's standard configuration: real AWS by default (region and "
                + "credentials from the usual chains), or any SageMaker-compatible server named by "
                + "AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME. The handler reads the same SQLSCORE_* variables as on "
                + "Lambda and logs one JSON line per batch to standard output."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--stage", defaultValue = "v1", paramLabel = "NAME",
            description = {"Stage name (default: ${DEFAULT-VALUE}): the URL is", "  http://<bind>:<port>/<stage>/score",
                "as the stack deploys", "  https://<api>.execute-api.<region>.amazonaws.com/v1/score"})
    private String stage;

    @Option(names = "--minimum-compression-size", defaultValue = "1024", paramLabel = "BYTES",
            description = "The API's content encoding, as the stack sets it: gzip requests reach the handler "
                    + "decompressed (Content-Encoding header kept) and answers of at least this many bytes are "
                    + "gzipped for clients that accept gzip (default: ${DEFAULT-VALUE}).")
    private int minimumCompressionSize;

    @Option(names = "--no-content-encoding", negatable = false,
            description = "Turn content encoding off: gzip request bodies reach the handler still compressed, "
                    + "base64-encoded with isBase64Encoded=true (as with binary media types), and answers are "
                    + "never compressed.")
    private boolean noContentEncoding;

    @Option(names = "--integration-timeout", defaultValue = "29", paramLabel = "SECONDS",
            description = "API Gateway's integration timeout, the stack's sqlscore:integrationTimeoutSeconds: past "
                    + "it the client gets 504 (default: ${DEFAULT-VALUE}, as the stack's).")
    private int integrationTimeoutSeconds;

    @Option(names = "--function-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "The Lambda function's timeout, the stack's sqlscore:lambdaTimeoutSeconds, which the "
                    + "handler sees as its remaining time (default: ${DEFAULT-VALUE}, as the stack's).")
    private int functionTimeoutSeconds;

    @Option(names = "--demo-model", negatable = false,
            description = "Also start the demo's toy churn model as a local SageMaker endpoint named '"
                    + LocalPipeline.DEMO_ENDPOINT + "' and point the handler at it (offline; fake credentials); and, "
                    + "with a local S3 server, as the asynchronous endpoint '" + LocalPipeline.DEMO_ASYNC_ENDPOINT
                    + "', which 'invoke' reaches with the -H settings serve prints.")
    private boolean demoModel;

    @Option(names = "--demo-model-seconds", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long the asynchronous demo endpoint takes per request (default: ${DEFAULT-VALUE}).")
    private int demoModelSeconds;

    private final CompletableFuture<URI> started = new CompletableFuture<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        if (minimumCompressionSize < 0 || stage.isBlank() || stage.contains("/")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--minimum-compression-size must be 0 or "
                    + "more and --stage one path segment, got " + minimumCompressionSize + " and '" + stage + "'");
        }
        if (demoModelSeconds < 0 || demoModelSeconds > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--demo-model-seconds must be 0 to 3600, got "
                    + demoModelSeconds);
        }
        if (integrationTimeoutSeconds < 1 || functionTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--integration-timeout and --function-timeout must be at least 1 second");
        }
        LocalApiServer.Builder api = LocalApiServer.builder().bindAddress(bind).port(port)
                .stage(stage).minimumCompressionSize(noContentEncoding ? null : minimumCompressionSize)
                .integrationTimeout(Duration.ofSeconds(integrationTimeoutSeconds))
                .functionTimeout(Duration.ofSeconds(functionTimeoutSeconds));
        Running server;
        try {
            server = start(api);
        } catch (HandlerStartException e) {
            started.completeExceptionally(e.getCause());
            spec.commandLine().getErr().println("serve cannot start the handler: "
                    + Hints.forHandlerStart(e.getCause()));
            return 1;
        } catch (IOException e) {
            started.completeExceptionally(e);
            spec.commandLine().getErr().println("serve cannot listen on " + bind + ":" + port + ": "
                    + Hints.forBind(bind, port, e));
            return 1;
        }
        // Ctrl-C: let this thread close the server (in-flight requests get a second) before the JVM exits.
        Thread hook = new Thread(() -> {
            stop();
            awaitClosed();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            spec.commandLine().getOut().println("Serving the external function at " + server.uri() + " (SageMaker: "
                    + server.sageMaker() + "). Ctrl-C stops.");
            if (server.asyncHint() != null) {
                spec.commandLine().getOut().println(server.asyncHint());
            }
            spec.commandLine().getOut().flush();
            started.complete(server.uri());
            stop.await();
        } finally {
            server.close();
            spec.commandLine().getOut().println("Stopped.");
            spec.commandLine().getOut().flush();
            closed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private void awaitClosed() {
        try {
            closed.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The API server, with the demo model behind it or not. */
    private record Running(URI uri, String sageMaker, String asyncHint, Runnable closer) {
        void close() {
            closer.run();
        }
    }

    /** The handler's constructor failed (bad SQLSCORE_* value, no region, ...). */
    private static final class HandlerStartException extends Exception {
        private static final long serialVersionUID = 1L;

        HandlerStartException(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private Running start(LocalApiServer.Builder api) throws IOException, HandlerStartException {
        if (demoModel) {
            LocalPipeline pipeline = LocalPipeline.builder().api(api)
                    .asyncEndpoint(LocalPipeline.DEMO_ASYNC_ENDPOINT, new ChurnModel(System.err::println),
                            Duration.ofSeconds(demoModelSeconds))
                    .start();
            StringBuilder hint = new StringBuilder("Asynchronous endpoint '" + LocalPipeline.DEMO_ASYNC_ENDPOINT
                    + "' (" + demoModelSeconds + " s per request, S3 at " + pipeline.s3().endpoint() + "): invoke");
            pipeline.asyncFunctionHeaders().forEach((name, value) -> hint.append(" -H ").append(name).append('=')
                    .append(value));
            return new Running(pipeline.apiUri(), "the demo's toy churn model at " + pipeline.modelUri()
                    + ", endpoint '" + LocalPipeline.DEMO_ENDPOINT + "'", hint.toString(), pipeline::close);
        }
        ExternalFunctionHandler handler;
        try {
            handler = new ExternalFunctionHandler();
        } catch (RuntimeException e) {
            throw new HandlerStartException(e);
        }
        LocalApiServer server = api.handler(handler).start();
        return new Running(server.uri(), Hints.sageMakerTarget(), null, server::close);
    }

    /** Completes with the server's URL once it listens (for tests and embedding). */
    CompletableFuture<URI> started() {
        return started;
    }

    /** Stops the server; Ctrl-C does the same through a shutdown hook. */
    void stop() {
        stop.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is what woke us.
        }
    }
}
