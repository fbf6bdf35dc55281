package dev.sqlscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.OrderedInvoker;
import dev.sqlscore.local.client.PollPolicy;
import dev.sqlscore.local.client.ResultWriter;
import dev.sqlscore.local.client.RetryPolicy;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SigV4Signer;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.payload.PayloadFormat;
import dev.sqlscore.snowflake.FunctionSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code invoke}: sends rows to an external function's URL as Snowflake does and prints the results. */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Send rows to an external function's URL the way Snowflake does (batches with row numbers, "
                + "sf-* headers, gzip, several batches at once, 429/5xx retried) and print one result per row, "
                + "in input order.",
                "Input: CSV (each line is one row, sent as one ARRAY argument like F(ARRAY_CONSTRUCT(...)); "
                + "unquoted numbers are sent as JSON numbers, unquoted empty fields as null, everything else as "
                + "strings) or JSON Lines (each line one JSON value, usually an array).",
                "Results are printed as soon as every earlier row's result is: if a batch fails for good, a line of "
                + "the input cannot be read, or Ctrl-C stops the run, everything before that point is printed and "
                + "the message says where it stopped and how to resume (--skip N)."},
        sortOptions = false)
final class InvokeCommand implements Callable<Integer> {

    /** How a request is signed. */
    enum Signing { AUTO, ALWAYS, NEVER }

    /** How the input is written. */
    enum InputFormat { AUTO, CSV, JSONL }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = {"The function's URL: a local 'serve',", "  http://127.0.0.1:8080/v1/score",
                "or a deployed one (the stack's invokeUrl output plus /score),",
                "  https://<api-id>.execute-api.<region>.amazonaws.com/v1/score"})
    private String urlText;

    /** Parsed from {@link #urlText} in {@link #validate()}, which says what a good URL looks like. */
    private URI url;

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "SageMaker endpoint, sent as the function header sagemaker-endpoint-name.")
    private String endpoint;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Content type the handler sends the model (text/csv, application/json, "
                    + "application/jsonlines), sent as the function header sagemaker-content-type.")
    private String contentType;

    @Option(names = "--accept", paramLabel = "TYPE",
            description = "Accept type asked of the model, sent as the function header sagemaker-accept.")
    private String accept;

    @Option(names = {"-H", "--function-header"}, paramLabel = "NAME=VALUE",
            description = "Another entry of the function's HEADERS, sent as sf-custom-NAME (repeatable).")
    private List<String> functionHeaders = List.of();

    @Option(names = "--function-name", defaultValue = "SAGEMAKER_INVOKE", paramLabel = "NAME",
            description = "Sent as sf-external-function-name (default: ${DEFAULT-VALUE}).")
    private String functionName;

    @Option(names = "--max-batch-rows", defaultValue = "1000", paramLabel = "N",
            description = "Most rows per POST, like the function's MAX_BATCH_ROWS (default: ${DEFAULT-VALUE}). "
                    + "Snowflake picks batch sizes itself below that bound.")
    private int maxBatchRows;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
            description = "Most batches in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--max-retries", defaultValue = "5", paramLabel = "N",
            description = "Retries of a batch answered with 429 or 5xx, or not at all, with exponential backoff "
                    + "(default: ${DEFAULT-VALUE}; 0 reports the first failure).")
    private int maxRetries;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Time one POST may take (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--async-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long a batch the function answers 202 (an asynchronous function) is polled with GETs "
                    + "before invoke gives up, as Snowflake does after about ten minutes (default: ${DEFAULT-VALUE}).")
    private int asyncTimeoutSeconds;

    @Option(names = "--no-gzip", negatable = false,
            description = "Send bodies uncompressed (Snowflake's COMPRESSION = NONE); default is gzip.")
    private boolean noGzip;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: by file extension, else by "
                    + "content).")
    private InputFormat inputFormat;

    @Option(names = "--skip-header", description = "The CSV input's first line is a header: skip it.")
    private boolean skipHeader;

    @Option(names = "--skip", defaultValue = "0", paramLabel = "N",
            description = "Skip the input's first N rows (after the header): resume a run that stopped after "
                    + "N rows, appending to its output.")
    private long skip;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). csv prints one value per "
                    + "line (objects and arrays as JSON text, null as an empty line); json prints one JSON value "
                    + "per line.")
    private ResultWriter.Format format;

    @Option(names = "--sign", defaultValue = "auto", paramLabel = "MODE",
            description = "SigV4-sign requests (service execute-api) with the default AWS credentials: "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: sign unless the URL is loopback).")
    private Signing signing;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Signing region; default: from an execute-api host name, else the AWS default chain.")
    private String region;

    @Option(names = "--progress", description = "Show progress on stderr even when stderr is not a terminal.")
    private boolean progress;

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE",
            description = "CSV or JSON Lines file; - or nothing reads standard input.")
    private String input;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        StatusLine status = StatusLine.forStderr(err, progress);
        try (BufferedReader in = openInput();
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            RowReader rows = rows(in);
            if (!skipRows(rows)) {
                return 2;
            }
            ExternalFunctionClient client = ExternalFunctionClient.builder()
                    .requests(requests())
                    .http(http)
                    .concurrency(concurrency)
                    .retryPolicy(new RetryPolicy(maxRetries, RetryPolicy.DEFAULT.baseDelay(),
                            RetryPolicy.DEFAULT.maxDelay()))
                    .retries((batch, why, retry, max, pause) -> status.message(batch.describe() + ": " + why
                            + "; retry " + retry + " of " + max + " in " + seconds(pause)))
                    .pollPolicy(new PollPolicy(PollPolicy.DEFAULT.firstDelay(), PollPolicy.DEFAULT.maxDelay(),
                            Duration.ofSeconds(asyncTimeoutSeconds)))
                    .polls((batch, polls, waited, state) -> status.progress(batch.describe() + ": pending, " + state
                            + " (" + waited.toSeconds() + " s)"))
                    .build();
            ResumableOutput output = new ResumableOutput(spec.commandLine().getOut(), format, skip, status);
            Thread onCtrlC = new Thread(() -> output.interrupted(err, inputName()), "invoke-interrupted");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            OrderedInvoker.Outcome outcome;
            try {
                outcome = OrderedInvoker.of(client, maxBatchRows, concurrency).run(rows, skip, output::write);
            } finally {
                removeHook(onCtrlC);
            }
            status.finish();
            return report(outcome, output, err);
        }
    }

    /** The last words of a run: what was done, and where to pick up if it stopped early. */
    private int report(OrderedInvoker.Outcome outcome, ResumableOutput output, PrintWriter err) {
        long resumeAt = skip + outcome.rowsWritten();
        String rowsDone = StatusLine.rows(outcome.rowsWritten());
        return switch (outcome) {
            case OrderedInvoker.Outcome.Completed completed -> {
                if (completed.rowsWritten() == 0) {
                    err.println("0 rows in " + inputName() + (skip > 0 ? " after skipping " + skip : "")
                            + ": nothing to send");
                }
                // Otherwise the progress already ended on "N rows answered": not said twice.
                yield 0;
            }
            case OrderedInvoker.Outcome.BatchFailed failed -> {
                err.println("invoke failed: " + failed.cause().getMessage());
                err.println(stopped(rowsDone, resumeAt, "once the cause is fixed"));
                yield 1;
            }
            case OrderedInvoker.Outcome.BadInput bad -> {
                err.println("invoke stopped: " + inputName() + ", " + bad.cause().getMessage());
                err.println(stopped(rowsDone, resumeAt, "once that line is fixed"));
                yield 2;
            }
        };
    }

    private String stopped(String rowsDone, long resumeAt, String when) {
        if (resumeAt == 0) {
            return "No row was answered; run it again " + when + ".";
        }
        return "The first " + rowsDone + (skip > 0 ? " after the " + skip + " skipped" : "") + " are printed; "
                + when + ", continue with --skip " + resumeAt + " (and append to the same output).";
    }

    private void validate() {
        requireAtLeast("--max-batch-rows", maxBatchRows, 1);
        requireAtLeast("--concurrency", concurrency, 1);
        requireAtLeast("--max-retries", maxRetries, 0);
        requireAtLeast("--timeout", timeoutSeconds, 1);
        requireAtLeast("--async-timeout", asyncTimeoutSeconds, 1);
        requireAtLeast("--skip", skip, 0);
        try {
            url = new URI(urlText);
        } catch (URISyntaxException e) {
            throw usage("--url '" + urlText + "' is not a URL (" + e.getReason() + "); write e.g. "
                    + "http://127.0.0.1:8080/v1/score");
        }
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw usage("--url must be an absolute http(s) URL such as http://127.0.0.1:8080/v1/score, got '"
                    + url + "'");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        if (path.isEmpty() || path.equals("/")) {
            throw usage("--url '" + url + "' names no function: add its path, /v1/score for 'serve' "
                    + "(http://127.0.0.1:8080/v1/score) or the stack's invokeUrl plus /score");
        }
        if (contentType != null && PayloadFormat.forContentType(contentType).isEmpty()) {
            throw usage("--content-type '" + contentType + "' is not one the handler sends a model; use "
                    + "text/csv, application/json or application/jsonlines");
        }
    }

    private void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw usage(option + " must be at least " + min + ", got " + value);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private String inputName() {
        return "-".equals(input) ? "standard input" : input;
    }

    private BufferedReader openInput() {
        if ("-".equals(input)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw usage("input " + input + " is a directory; name a CSV or JSON Lines file");
        }
        try {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("input file not found: " + input);
        } catch (AccessDeniedException e) {
            throw usage("input file " + input + " cannot be read (permission denied)");
        } catch (IOException e) {
            throw usage("input file " + input + " cannot be read: " + e.getMessage());
        }
    }

    /** The format, from the option, the file name or the first characters; the reader stays at its start. */
    private RowReader rows(BufferedReader in) throws IOException {
        RowReader.Format rowFormat = switch (inputFormat) {
            case CSV -> RowReader.Format.CSV;
            case JSONL -> RowReader.Format.JSONL;
            case AUTO -> {
                char[] start = new char[256];
                in.mark(start.length);
                int read = in.read(start);
                in.reset();
                yield RowReader.Format.detect("-".equals(input) ? null : input,
                        read <= 0 ? "" : new String(start, 0, read));
            }
        };
        return RowReader.open(in, rowFormat, skipHeader);
    }

    /** Reads past the first {@code --skip} rows; false (after saying why) when the input is bad before that. */
    private boolean skipRows(RowReader rows) {
        try {
            for (long i = 0; i < skip; i++) {
                if (rows.next() == null) {
                    spec.commandLine().getErr().println("invoke: --skip " + skip + " is past the end of "
                            + inputName() + " (" + StatusLine.rows(i) + ")");
                    spec.commandLine().getErr().println("See 'sqlscore invoke --help'.");
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("invoke stopped: " + inputName() + ", " + e.getMessage());
            return false;
        }
    }

    private SnowflakeRequestFactory requests() {
        SnowflakeRequestFactory.Builder requests = SnowflakeRequestFactory.builder()
                .uri(url)
                .functionName(functionName)
                .gzip(!noGzip)
                .timeout(Duration.ofSeconds(timeoutSeconds));
        try {
            if (endpoint != null) {
                requests.endpointName(endpoint);
            }
            if (contentType != null) {
                requests.customHeader(FunctionSettings.CONTENT_TYPE, contentType);
            }
            if (accept != null) {
                requests.customHeader(FunctionSettings.ACCEPT, accept);
            }
            functionHeaders().forEach(requests::customHeader);
            if (signing == Signing.ALWAYS || signing == Signing.AUTO && !SigV4Signer.isLoopback(url)) {
                requests.signer(SigV4Signer.withDefaultCredentials(url, region));
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return requests.build();
    }

    private Map<String, String> functionHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : functionHeaders) {
            int equals = header.indexOf('=');
            if (equals <= 0) {
                throw usage("-H '" + header + "' is not NAME=VALUE; write e.g. -H sagemaker-target-variant=blue");
            }
            headers.put(header.substring(0, equals), header.substring(equals + 1));
        }
        return headers;
    }

    private static String seconds(Duration pause) {
        return String.format(Locale.ROOT, "%.1f s", pause.toMillis() / 1000.0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook reports.
        }
    }

    /**
     * stdout, a batch at a time and flushed, which Ctrl-C closes so nothing is written after the report of how
     * far the run got.
     */
    private static final class ResumableOutput {
        private final PrintWriter out;
        private final ResultWriter.Format format;
        private final long skipped;
        private final StatusLine status;
        private long written;
        private boolean closed;
        private boolean progressShown;

        ResumableOutput(PrintWriter out, ResultWriter.Format format, long skipped, StatusLine status) {
            this.out = out;
            this.format = format;
            this.skipped = skipped;
            this.status = status;
        }

        synchronized void write(List<JsonNode> values) {
            if (closed) {
                return;
            }
            status.clear();
            ResultWriter.write(values, format, out);
            out.flush();
            written += values.size();
            status.progress(StatusLine.rows(written) + " answered" + (skipped > 0 ? " (after " + skipped + " skipped)"
                    : ""));
            progressShown = true;
        }

        synchronized boolean progressShown() {
            return progressShown;
        }

        synchronized void interrupted(PrintWriter err, String input) {
            if (closed) {
                return;
            }
            closed = true;
            out.flush();
            status.finish();
            err.println("invoke interrupted: the first " + StatusLine.rows(written) + " of "
                    + input + (skipped > 0 ? " after the " + skipped + " skipped" : "") + " are printed; continue "
                    + "with --skip " + (skipped + written) + " (and append to the same output).");
            err.flush();
        }
    }
}
