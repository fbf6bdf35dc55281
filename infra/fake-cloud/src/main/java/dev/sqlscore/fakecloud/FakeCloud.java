package dev.sqlscore.fakecloud;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * AWS and Snowflake under Pulumi's mocks: every registration is recorded, and the outputs only the real providers
 * compute (ARNs, URLs, generated names, the integration's IAM user and external id) come back computed the way the
 * providers compute them, from {@link Values}. The tests use concrete values ({@link #FakeCloud()}); {@code plan}
 * uses placeholders in angle brackets ({@link #placeholders}), so it shows where a value goes without inventing
 * one. Called from many threads.
 */
public class FakeCloud implements Mocks {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";
    public static final String SNOWFLAKE_IAM_USER = "arn:aws:iam::999988887777:user/abc1-s-v2st0000";
    /** Real external ids end in '=' often; it must reach the trust policy unescaped. */
    public static final String EXTERNAL_ID = "MYORG_SFCRole=2_a1b2c3d4e5f6g7h8i9j0=";
    /** The VPC Snowflake's platform-info data source reports (its snowflake-vpc-id). */
    public static final String SNOWFLAKE_PLATFORM_VPC = "vpc-0fedcba9876543210";
    public static final String PLATFORM_INFO =
            "snowflake:index/getSystemGetSnowflakePlatformInfo:getSystemGetSnowflakePlatformInfo";
    /** What the AWS provider appends to a name it generates (Pulumi's auto-naming: a dash and 7 characters). */
    public static final String AUTONAME_SUFFIX = "-a1b2c3d";

    /**
     * What only the clouds know.
     *
     * @param idSuffix       appended to a resource's name to make its id
     * @param autonameSuffix appended to a resource's name when the provider generates the physical name
     * @param bucketSuffix   appended to a bucket's prefix (the provider's 26 characters)
     * @param strictInvokes  whether an invoke this fake does not know fails the run (tests) or answers nothing
     */
    public record Values(String account, String region, String partition, String dnsSuffix, String apiId,
                         String rootResourceId, String snowflakeIamUser, String externalId, String idSuffix,
                         String autonameSuffix, String bucketSuffix, String lambdaVersion, String callerArn,
                         boolean strictInvokes) {
    }

    private final Values values;
    private final ConcurrentLinkedQueue<ResourceArgs> registered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CallArgs> invoked = new ConcurrentLinkedQueue<>();

    /** The tests' account, region and Snowflake identity, in the {@code aws} partition. */
    public FakeCloud() {
        this("aws", EXTERNAL_ID);
    }

    public FakeCloud(String partition, String externalId) {
        this(new Values(ACCOUNT, REGION, partition, "amazonaws.com", "a1b2c3d4e5", "root123", SNOWFLAKE_IAM_USER,
                externalId, "-id", AUTONAME_SUFFIX, "20261201000000000000000001", "7",
                "arn:" + partition + ":iam::" + ACCOUNT + ":user/deployer", true));
    }

    public FakeCloud(Values values) {
        this.values = values;
    }

    /** Placeholders for everything only AWS or Snowflake can know; the partition and DNS suffix follow the region. */
    public static FakeCloud placeholders(String region) {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        String dnsSuffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return new FakeCloud(new Values("<aws-account>", region, partition, dnsSuffix, "<api-id>",
                "<root-resource-id>", "<snowflake-iam-user-arn>", "<external-id>", "", "-<suffix>", "<suffix>",
                "<version>", "<caller-arn>", false));
    }

    public Values values() {
        return values;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id = args.name + values.idSuffix();
        switch (args.type) {
            case "aws:iam/role:Role" -> {
                String name = String.valueOf(args.inputs.getOrDefault("name", args.name + values.autonameSuffix()));
                state.put("name", name);
                state.put("arn", arn("iam", "", "role/" + name));
                id = name;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn",
                    arn("logs", values.region(), "log-group:" + args.inputs.get("name")));
            case "aws:lambda/function:Function" -> {
                String name = args.name + values.autonameSuffix();
                state.put("name", name);
                state.put("arn", lambdaArn(name));
                state.put("version", values.lambdaVersion());
            }
            case "aws:lambda/alias:Alias" -> {
                String arn = lambdaArn(args.inputs.get("functionName") + ":" + args.inputs.get("name"));
                state.put("arn", arn);
                state.put("invokeArn", "arn:" + values.partition() + ":apigateway:" + values.region()
                        + ":lambda:path/2015-03-31/functions/" + arn + "/invocations");
            }
            case "aws:apigateway/restApi:RestApi" -> {
                id = values.apiId();
                state.put("rootResourceId", values.rootResourceId());
                state.put("executionArn", arn("execute-api", values.region(), id));
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                String name = args.inputs.get("bucketPrefix") + values.bucketSuffix();
                state.put("bucket", name);
                state.put("arn", "arn:" + values.partition() + ":s3:::" + name);
                id = name;
            }
            case "aws:apigateway/stage:Stage" -> state.put("invokeUrl", "https://" + args.inputs.get("restApi")
                    + ".execute-api." + values.region() + "." + values.dnsSuffix() + "/"
                    + args.inputs.get("stageName"));
            case "snowflake:index/apiIntegration:ApiIntegration" -> {
                state.put("apiAwsIamUserArn", values.snowflakeIamUser());
                state.put("apiAwsExternalId", values.externalId());
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
        invoked.add(args);
        String region = values.region();
        String partition = values.partition();
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", values.account(),
                    "id", values.account(), "arn", values.callerArn(), "userId", "AIDAEXAMPLE");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", partition, "id", partition,
                    "dnsSuffix", values.dnsSuffix(), "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "description", region,
                    "endpoint", "ec2." + region + "." + values.dnsSuffix());
            case PLATFORM_INFO -> Map.of("awsVpcIds", List.of(SNOWFLAKE_PLATFORM_VPC), "azureVnetSubnetIds",
                    List.of(), "id", "platform-info");
            default -> {
                if (values.strictInvokes()) {
                    throw new IllegalArgumentException("unmocked invoke " + args.token);
                }
                yield Map.of();
            }
        });
    }

    /** The function's {@code fullyQualifiedName} output: {@link #providerIdentifier}, unless a test says otherwise. */
    protected String functionIdentifier(Map<String, Object> inputs) {
        return providerIdentifier(inputs);
    }

    /**
     * As the provider writes it (SchemaObjectIdentifierWithArguments): quoted names, then the argument types,
     * {@code "DB"."SCHEMA"."F"(ARRAY, VARCHAR)}.
     */
    @SuppressWarnings("unchecked")
    public static String providerIdentifier(Map<String, Object> inputs) {
        List<Map<String, Object>> arguments = (List<Map<String, Object>>) inputs.getOrDefault("args", List.of());
        return "\"" + inputs.get("database") + "\".\"" + inputs.get("schema") + "\".\"" + inputs.get("name") + "\"("
                + String.join(", ", arguments.stream().map(arg -> String.valueOf(arg.get("type"))).toList()) + ")";
    }

    /** Every registration so far, in the order the program made them. */
    public List<ResourceArgs> registered() {
        return List.copyOf(registered);
    }

    /** Every invoke so far (token, arguments, the provider it went through). */
    public List<CallArgs> invoked() {
        return List.copyOf(invoked);
    }

    /** Inputs of the one resource with this type and name. */
    public Map<String, Object> inputs(String type, String name) {
        List<ResourceArgs> matches = registered.stream()
                .filter(r -> r.type.equals(type) && r.name.equals(name)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + matches.size()
                    + " among " + registered.stream().map(r -> r.type + " " + r.name).toList());
        }
        return matches.get(0).inputs;
    }

    public List<ResourceArgs> ofType(String type) {
        return registered.stream().filter(r -> r.type.equals(type)).toList();
    }

    private String arn(String service, String region, String resource) {
        return "arn:" + values.partition() + ":" + service + ":" + region + ":" + values.account() + ":" + resource;
    }

    private String lambdaArn(String nameAndQualifier) {
        return arn("lambda", values.region(), "function:" + nameAndQualifier);
    }
}
