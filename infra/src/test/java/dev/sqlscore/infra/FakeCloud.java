package dev.sqlscore.infra;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pulumi mocks standing in for AWS and Snowflake: records every registration and answers with the outputs the real
 * providers compute (ARNs, URLs, the integration's IAM user and external id). Called from many threads.
 */
class FakeCloud implements Mocks {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String SNOWFLAKE_IAM_USER = "arn:aws:iam::999988887777:user/abc1-s-v2st0000";
    /** Real external ids end in '=' often; it must reach the trust policy unescaped. */
    static final String EXTERNAL_ID = "MYORG_SFCRole=2_a1b2c3d4e5f6g7h8i9j0=";

    private final String partition;
    private final String externalId;
    private final ConcurrentLinkedQueue<ResourceArgs> registered = new ConcurrentLinkedQueue<>();

    FakeCloud() {
        this("aws", EXTERNAL_ID);
    }

    FakeCloud(String partition, String externalId) {
        this.partition = partition;
        this.externalId = externalId;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = args.name + "-id";
        switch (args.type) {
            case "aws:iam/role:Role" -> {
                String name = (String) args.inputs.getOrDefault("name", args.name + "-generated");
                state.put("name", name);
                state.put("arn", "arn:" + partition + ":iam::" + ACCOUNT + ":role/" + name);
                id = name;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn",
                    "arn:" + partition + ":logs:" + REGION + ":" + ACCOUNT + ":log-group:" + args.inputs.get("name"));
            case "aws:lambda/function:Function" -> {
                state.put("name", args.name + "-fn");
                state.put("arn", lambdaArn(args.name + "-fn"));
                state.put("version", "7");
            }
            case "aws:lambda/alias:Alias" -> {
                String arn = lambdaArn(args.inputs.get("functionName") + ":" + args.inputs.get("name"));
                state.put("arn", arn);
                state.put("invokeArn", "arn:" + partition + ":apigateway:" + REGION
                        + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
            }
            case "aws:apigateway/restApi:RestApi" -> {
                id = "a1b2c3d4e5";
                state.put("rootResourceId", "root123");
                state.put("executionArn", "arn:" + partition + ":execute-api:" + REGION + ":" + ACCOUNT + ":" + id);
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                // As the provider names a bucket from its prefix: the prefix and a 26-character unique suffix.
                String name = args.inputs.get("bucketPrefix") + "20261201000000000000000001";
                state.put("bucket", name);
                state.put("arn", "arn:" + partition + ":s3:::" + name);
                id = name;
            }
            case "aws:apigateway/stage:Stage" -> state.put("invokeUrl", "https://" + args.inputs.get("restApi")
                    + ".execute-api." + REGION + ".amazonaws.com/" + args.inputs.get("stageName"));
            case "snowflake:index/apiIntegration:ApiIntegration" -> {
                state.put("apiAwsIamUserArn", SNOWFLAKE_IAM_USER);
                state.put("apiAwsExternalId", externalId);
                state.put("fullyQualifiedName", "\"" + args.inputs.get("name") + "\"");
            }
            case "snowflake:index/externalFunction:ExternalFunction" -> state.put("fullyQualifiedName",
                    functionIdentifier(args.inputs));
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", ACCOUNT, "id", ACCOUNT,
                    "arn", "arn:" + partition + ":iam::" + ACCOUNT + ":user/deployer", "userId", "AIDAEXAMPLE");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", partition, "id", partition,
                    "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.of("name", REGION, "id", REGION,
                    "description", "Europe (Ireland)", "endpoint", "ec2." + REGION + ".amazonaws.com");
            default -> throw new IllegalArgumentException("unmocked invoke " + args.token);
        });
    }

    /**
     * As the provider writes it (SchemaObjectIdentifierWithArguments): quoted names, then the argument types,
     * {@code "DB"."SCHEMA"."F"(ARRAY, VARCHAR)}.
     */
    @SuppressWarnings("unchecked")
    String functionIdentifier(Map<String, Object> inputs) {
        List<Map<String, Object>> arguments = (List<Map<String, Object>>) inputs.getOrDefault("args", List.of());
        return "\"" + inputs.get("database") + "\".\"" + inputs.get("schema") + "\".\"" + inputs.get("name") + "\"("
                + String.join(", ", arguments.stream().map(arg -> String.valueOf(arg.get("type"))).toList()) + ")";
    }

    List<ResourceArgs> registered() {
        return List.copyOf(registered);
    }

    /** Inputs of the one resource with this type and name. */
    Map<String, Object> inputs(String type, String name) {
        List<ResourceArgs> matches = registered.stream()
                .filter(r -> r.type.equals(type) && r.name.equals(name)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + matches.size()
                    + " among " + registered.stream().map(r -> r.type + " " + r.name).toList());
        }
        return matches.get(0).inputs;
    }

    List<ResourceArgs> ofType(String type) {
        return registered.stream().filter(r -> r.type.equals(type)).toList();
    }

    private String lambdaArn(String nameAndQualifier) {
        return "arn:" + partition + ":lambda:" + REGION + ":" + ACCOUNT + ":function:" + nameAndQualifier;
    }
}
