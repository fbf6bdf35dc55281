package dev.sqlscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.ExternalFunctionException;
import dev.sqlscore.local.client.InputFormatException;
import dev.sqlscore.local.client.ResultWriter;
import dev.sqlscore.local.client.RetryPolicy;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SigV4Signer;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.protocol.FunctionSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke}: sends rows to an external function's URL as Snowflake does and prints the results. */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Send rows to an external function's URL the way Snowflake does (batches with row numbers, "
                + "sf-* headers, gzip, several batches at once, 429/5xx retried) and print one result per row, "
                + "in input order.",
                "Input: CSV (each line is one row, sent as one ARRAY argument like F(ARRAY_CONSTRUCT(...)); "
                + "unquoted numbers are sent as JSON numbers, unquoted empty fields as null, everything else as "
                + "strings) or JSON Lines (each line one JSON value, usually an array)."},
        sortOptions = false)
final class InvokeCommand implements Callable<Integer> {

    /** How a request is signed. */
    enum Signing { AUTO, ALWAYS, NEVER }

    /** How the input is written. */
    enum InputFormat { AUTO, CSV, JSONL }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The function's URL: a local 'serve' (http://127.0.0.1:8080/) or a deployed stage "
                    + "(https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/...).")
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
    private Map<String, String> functionHeaders = Map.of();

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

    @Option(names = "--no-gzip", negatable = false,
            description = "Send bodies uncompressed (Snowflake's COMPRESSION = NONE); default is gzip.")
    private boolean noGzip;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: by file extension, else by "
                    + "content).")
    private InputFormat inputFormat;

    @Option(names = "--skip-header", description = "The CSV input's first line is a header: skip it.")
    private boolean skipHeader;

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

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    private boolean progress;

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE",
            description = "CSV or JSON Lines file; - or nothing reads standard input.")
    private String input;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        List<JsonNode> rows = readRows();
        List<SnowflakeBatch> batches = SnowflakeBatch.split(rows, maxBatchRows);
        ProgressLine progressLine = ProgressLine.forStderr(spec.commandLine().getErr(), progress);
        List<JsonNode> values;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            ExternalFunctionClient client = ExternalFunctionClient.builder()
                    .requests(requests())
                    .http(http)
                    .concurrency(concurrency)
                    .retryPolicy(new RetryPolicy(maxRetries, RetryPolicy.DEFAULT.baseDelay(),
                            RetryPolicy.DEFAULT.maxDelay()))
                    .progress(progressLine)
                    .build();
            values = client.call(batches);
        } catch (ExternalFunctionException e) {
            progressLine.finish();
            spec.commandLine().getErr().println("invoke failed: " + e.getMessage());
            return 1;
        }
        progressLine.finish();
        ResultWriter.write(values, format, spec.commandLine().getOut());
        return 0;
    }

    private void validate() {
        requireAtLeast("--max-batch-rows", maxBatchRows, 1);
        requireAtLeast("--concurrency", concurrency, 1);
        requireAtLeast("--max-retries", maxRetries, 0);
        requireAtLeast("--timeout", timeoutSeconds, 1);
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--url must be an absolute http(s) URL such as http://127.0.0.1:8080/, got '" + url + "'");
        }
    }

    private void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be at least " + min + ", got " + value);
        }
    }

    private List<JsonNode> readRows() throws IOException {
        String text;
        try {
            text = "-".equals(input) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "input file not found: " + input);
        }
        RowReader.Format rowFormat = switch (inputFormat) {
            case AUTO -> RowReader.Format.detect("-".equals(input) ? null : input, text);
            case CSV -> RowReader.Format.CSV;
            case JSONL -> RowReader.Format.JSONL;
        };
        try {
            return RowReader.read(text, rowFormat, skipHeader);
        } catch (InputFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    ("-".equals(input) ? "standard input" : input) + ", " + e.getMessage());
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
            functionHeaders.forEach(requests::customHeader);
            if (signing == Signing.ALWAYS || signing == Signing.AUTO && !SigV4Signer.isLoopback(url)) {
                requests.signer(SigV4Signer.withDefaultCredentials(url, region));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return requests.build();
    }
}
