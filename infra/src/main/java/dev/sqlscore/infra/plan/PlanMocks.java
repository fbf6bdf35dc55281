package dev.sqlscore.infra.plan;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The clouds, offline: every registration is kept, and what only AWS or Snowflake can know (the account, the API's
 * id, the integration's IAM user and external id) comes back as a placeholder in angle brackets, so the plan shows
 * where a value will go without inventing one. Outputs are computed the way the providers compute them.
 */
final class PlanMocks implements Mocks {

    static final String ACCOUNT = "<aws-account>";
    static final String API_ID = "<api-id>";

    private final String region;
    private final String partition;
    private final String dnsSuffix;
    private final ConcurrentLinkedQueue<ResourceArgs> registered = new ConcurrentLinkedQueue<>();

    PlanMocks(String region) {
        this.region = region;
        this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        this.dnsSuffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = args.name;
        switch (args.type) {
            case "aws:iam/role:Role" -> {
                String name = String.valueOf(args.inputs.getOrDefault("name", args.name + "-<suffix>"));
                state.put("name", name);
                state.put("arn", "arn:" + partition + ":iam::" + ACCOUNT + ":role/" + name);
                id = name;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn",
                    "arn:" + partition + ":logs:" + region + ":" + ACCOUNT + ":log-group:"
                            + args.inputs.get("name"));
            case "aws:lambda/function:Function" -> {
                state.put("name", args.name + "-<suffix>");
                state.put("arn", "arn:" + partition + ":lambda:" + region + ":" + ACCOUNT + ":function:"
                        + args.name);
                state.put("version", "<version>");
            }
            case "aws:lambda/alias:Alias" -> {
                String arn = "arn:" + partition + ":lambda:" + region + ":" + ACCOUNT + ":function:"
                        + args.inputs.get("functionName") + ":" + args.inputs.get("name");
                state.put("arn", arn);
                state.put("invokeArn", "arn:" + partition + ":apigateway:" + region
                        + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
            }
            case "aws:apigateway/restApi:RestApi" -> {
                id = API_ID;
                state.put("rootResourceId", "<root-resource-id>");
                state.put("executionArn", "arn:" + partition + ":execute-api:" + region + ":" + ACCOUNT + ":" + id);
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                String name = args.inputs.get("bucketPrefix") + "<suffix>";
                state.put("bucket", name);
                state.put("arn", "arn:" + partition + ":s3:::" + name);
                id = name;
            }
            case "aws:apigateway/stage:Stage" -> state.put("invokeUrl", "https://" + args.inputs.get("restApi")
                    + ".execute-api." + region + "." + dnsSuffix + "/" + args.inputs.get("stageName"));
            case "snowflake:index/apiIntegration:ApiIntegration" -> {
                state.put("apiAwsIamUserArn", "<snowflake-iam-user-arn>");
                state.put("apiAwsExternalId", "<external-id>");
            }
            case "snowflake:index/externalFunction:ExternalFunction" -> state.put("fullyQualifiedName",
                    SnowflakeSql.functionIdentifier(args.inputs));
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", ACCOUNT, "id", ACCOUNT,
                    "arn", "<caller-arn>", "userId", "<caller>");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", partition, "id", partition,
                    "dnsSuffix", dnsSuffix, "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "description", region,
                    "endpoint", "ec2." + region + "." + dnsSuffix);
            default -> Map.of();
        });
    }

    List<ResourceArgs> registered() {
        return List.copyOf(registered);
    }
}
