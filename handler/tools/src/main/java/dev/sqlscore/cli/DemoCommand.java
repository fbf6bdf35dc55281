package dev.sqlscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlscore.local.demo.ChurnModel;
import dev.sqlscore.local.client.ExternalFunctionClient;
import dev.sqlscore.local.demo.LocalPipeline;
import dev.sqlscore.local.client.RowReader;
import dev.sqlscore.local.client.SnowflakeBatch;
import dev.sqlscore.local.client.SnowflakeRequestFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code demo}: the whole data path, offline, in one process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"See the whole data path work offline, in one process: starts a local SageMaker-protocol "
                + "endpoint serving a toy churn model (fixed weights, for the demo only), starts 'serve' against it "
                + "with the real handler (the AWS SDK pointed at it through its standard configuration, fake "
                + "credentials), sends example rows through it as Snowflake does, and prints the predictions.",
                "The handler's log line for each batch goes to standard output, as it would to CloudWatch."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<JsonNode> rows = RowReader.read(ChurnModel.exampleRows(), RowReader.Format.CSV, false);
        try (LocalPipeline pipeline = LocalPipeline.builder().start();
             HttpClient http = HttpClient.newHttpClient()) {
            out.println("Model endpoint '" + LocalPipeline.DEMO_ENDPOINT + "' (toy churn model, SageMaker runtime "
                    + "protocol): " + pipeline.modelUri());
            out.println("External function API (API Gateway REST + the Lambda handler):  " + pipeline.apiUri());
            out.println();
            out.flush();
            List<JsonNode> values = ExternalFunctionClient.builder()
                    .http(http)
                    .requests(SnowflakeRequestFactory.builder().uri(pipeline.apiUri())
                            .endpointName(LocalPipeline.DEMO_ENDPOINT).build())
                    .build()
                    .call(SnowflakeBatch.split(rows, rows.size()));
            out.println();
            out.println("select SAGEMAKER_INVOKE(ARRAY_CONSTRUCT(...)) -> churn probability");
            for (int i = 0; i < rows.size(); i++) {
                String features = rows.get(i).toString();
                out.println("ARRAY_CONSTRUCT(" + features.substring(1, features.length() - 1) + ") -> "
                        + values.get(i));
            }
        }
        out.flush();
        return 0;
    }
}
