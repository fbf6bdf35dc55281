package dev.sqlscore.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.bench.Timings;
import dev.sqlscore.modelserver.FaultHook;
import dev.sqlscore.modelserver.TestModels;
import dev.sqlscore.scoring.ScoringConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What isolating refused rows costs ({@code sagemaker-on-row-error = null}): extra model calls and time per batch for
 * 0, 1 and 10 refused rows in batches of 200, 4,096 and 10,000 rows of 13 features, through the Lambda handler and the
 * real AWS SDK against the SageMaker-protocol server on loopback (a container that refuses a whole request for one
 * malformed row and answers the others at once). Not a test:
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * ./mvnw -B -q -pl .,handler,handler/testkit,handler/tools -DskipTests -DskipFuzz install
 * ./mvnw -B -q -pl handler/integration-tests exec:exec@row-isolation
 * </pre>
 */
public final class RowIsolationBenchmark {

    private static final String MALFORMED = "n/a";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowIsolationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%s, %d cores, JDK %s; each batch timed %s%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), "median (p90) of 15 after 5 warm-up");
        System.out.println("| rows | refused | extra model calls | bound 2 r log2(n) + 1 | time per batch, ms | "
                + "added, ms |");
        System.out.println("|---|---|---|---|---|---|");
        try (var harness = new HandlerHarness(TestModels.refusingRowsWith(MALFORMED), FaultHook.NONE,
                ScoringConfig.defaults())) {
            for (int rows : new int[] {200, 4096, 10_000}) {
                double baseline = 0;
                for (int refusedCount : new int[] {0, 1, 10}) {
                    Set<Integer> refused = scattered(rows, refusedCount, new Random(rows + refusedCount));
                    byte[] event = event(rows, refused);
                    int[] extra = new int[1];
                    double[] millis = Timings.time(5, 15, () -> {
                        harness.logLines.clear();
                        TestEvents.Answer answer = harness.call(event);
                        if (answer.response().get("statusCode").asInt() != 200) {
                            throw new IllegalStateException(answer.body().toString());
                        }
                        JsonNode line = JSON.readTree(harness.logLines.stream()
                                .filter(l -> l.contains("sqlscore.batch")).findFirst().orElseThrow());
                        extra[0] = line.path("isolationCalls").asInt(0);
                    });
                    double median = Timings.percentile(millis, 50);
                    if (refusedCount == 0) {
                        baseline = median;
                    }
                    System.out.printf("| %,d | %d | %d | %s | %.1f (%.1f) | %s |%n", rows, refusedCount, extra[0],
                            refusedCount == 0 ? "-" : String.valueOf(2 * refusedCount
                                    * (32 - Integer.numberOfLeadingZeros(rows - 1)) + 1),
                            median, Timings.percentile(millis, 90),
                            refusedCount == 0 ? "-" : String.format("%.1f", median - baseline));
                }
            }
        }
    }

    /** Refused rows spread over the batch (a malformed row here and there, as in real tables). */
    private static Set<Integer> scattered(int rows, int count, Random random) {
        Set<Integer> refused = new TreeSet<>();
        while (refused.size() < count) {
            refused.add(random.nextInt(rows));
        }
        return refused;
    }

    private static byte[] event(int rows, Set<Integer> refused) {
        Map<String, String> headers = TestEvents.snowflakeHeaders(HandlerHarness.ENDPOINT, "text/csv");
        headers.put("sf-custom-sagemaker-on-row-error", "null");
        String data = IntStream.range(0, rows).mapToObj(row -> "[" + row + ",[" + (refused.contains(row)
                ? "\"" + MALFORMED + "\"" : "0.48") + ",0.05,1.73,2,-0.33,0.41,0,0,1,1,0,1," + (row % 7) + "]]")
                .collect(Collectors.joining(","));
        return TestEvents.post(headers, ("{\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8), false);
    }
}
