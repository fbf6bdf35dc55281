package dev.sqlscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.demo.LocalPipeline;
import dev.sqlscore.snowflake.FunctionSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code demo}: the whole data path, offline, in one process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"See the whole data path work offline, in one process: starts a local SageMaker-protocol "
                + "endpoint serving a toy churn model (fixed weights, for the demo only), starts 'serve' against it "
                + "with the real handler (the AWS SDK pointed at it through its standard configuration, fake "
                + "credentials), sends example rows through it as Snowflake does, and prints the predictions.",
                "One more row has 'n/a' for a number: the function is set to answer rows the model refuses with NULL "
                + "(sagemaker-on-row-error = null), so that row comes back NULL and the others scored.",
                "With --async the example rows go through the asynchronous path instead: a local S3 server, the model "
                + "behind SageMaker Asynchronous Inference taking --model-seconds per request, the handler "
                + "answering Snowflake's POST with 202 and its GET polls from S3 until the answer is there.",
                "The handler's log line for each batch goes to standard output, as it would to CloudWatch."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--async", description = "Go through the asynchronous path (202, then polls).")
    private boolean async;

    @CommandLine.Option(names = "--model-seconds", defaultValue = "5", paramLabel = "SECONDS",
            description = "With --async, how long the model takes per request (default: ${DEFAULT-VALUE}).")
    private int modelSeconds;

    /** A row the toy model cannot read ('n/a' where it wants a number), as real tables have now and then. */
    static final String MALFORMED_ROW = "0.91,n/a,0.15,1,0.4,-0.7,1,0,1,0,0,1,1";

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // Refused rows answered NULL is for real-time functions only: the asynchronous demo keeps the example rows.
        String examples = async ? ChurnModel.exampleRows() : ChurnModel.exampleRows().strip() + "\n" + MALFORMED_ROW;
        List<JsonNode> rows = RowReader.read(examples, RowReader.Format.CSV, false);
        if (modelSeconds < 0 || modelSeconds > 600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model-seconds must be 0 to 600, got "
                    + modelSeconds);
        }
        LocalPipeline.Builder builder = LocalPipeline.builder();
        if (async) {
            builder.asyncEndpoint(LocalPipeline.DEMO_ASYNC_ENDPOINT, new ChurnModel(System.err::println),
                    Duration.ofSeconds(modelSeconds));
        }
        try (LocalPipeline pipeline = builder.start();
             HttpClient http = HttpClient.newHttpClient()) {
            out.println("Model endpoint '" + LocalPipeline.DEMO_ENDPOINT + "' (toy churn model, SageMaker runtime "
                    + "protocol): " + pipeline.modelUri());
            if (async) {
                out.println("Asynchronous endpoint '" + LocalPipeline.DEMO_ASYNC_ENDPOINT + "' (the same model, "
                        + modelSeconds + " s per request), through S3 at " + pipeline.s3().endpoint());
            }
            out.println("External function API (API Gateway REST + the Lambda handler):  " + pipeline.apiUri());
            out.println();
            out.flush();
            SnowflakeRequestFactory.Builder requests = SnowflakeRequestFactory.builder().uri(pipeline.apiUri());
            if (async) {
                pipeline.asyncFunctionHeaders().forEach(requests::customHeader);
            } else {
                requests.endpointName(LocalPipeline.DEMO_ENDPOINT)
                        .customHeader(FunctionSettings.ON_ROW_ERROR, "null");
            }
            PrintWriter err = spec.commandLine().getErr();
            List<JsonNode> values = ExternalFunctionClient.builder()
                    .http(http)
                    .requests(requests.build())
                    .polls((batch, polls, waited, state) -> {
                        err.println(batch.describe() + ": answered 202, polling: " + state + " after "
                                + waited.toMillis() / 1000.0 + " s");
                        err.flush();
                    })
                    .build()
                    .call(SnowflakeBatch.split(rows, rows.size()));
            out.println();
            out.println("select SAGEMAKER_INVOKE(ARRAY_CONSTRUCT(...)) -> churn probability");
            for (int i = 0; i < rows.size(); i++) {
                String features = rows.get(i).toString();
                out.println("ARRAY_CONSTRUCT(" + features.substring(1, features.length() - 1) + ") -> "
                        + (values.get(i).isNull() ? "NULL (the model refused this row; sagemaker-on-row-error = null)"
                        : values.get(i)));
            }
        }
        out.flush();
        return 0;
    }
}
