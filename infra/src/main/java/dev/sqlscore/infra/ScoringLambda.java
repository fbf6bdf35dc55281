package dev.sqlscore.infra;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.AsyncSettings;
import dev.sqlscore.infra.config.ScoringSettings;
import dev.sqlscore.infra.config.FunctionSettings;
import dev.sqlscore.infra.config.Functions;
import dev.sqlscore.infra.config.LambdaSettings;
import dev.sqlscore.infra.config.MonitoringSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java Lambda behind the API: its log group, a role that may call only the configured endpoints (and, for
 * asynchronous functions, use only its state prefix and read only the endpoints' output paths), the function
 * (SnapStart on published versions) and the alias everything else points at.
 */
record ScoringLambda(Function function, Alias alias, LogGroup logGroup) {

    static final String HANDLER = "dev.sqlscore.lambda.ExternalFunctionHandler::handleRequest";
    static final String RUNTIME = "java21";
    static final String ALIAS_NAME = "live";
    static final String BUILD_COMMAND = "./mvnw -B package -DskipTests";

    /** The handler's {@code ScoringConfig.ENV_*} names; {@code HandlerContractTest} checks them against handler.jar. */
    static final String ENV_ALLOWED_ENDPOINTS = "SQLSCORE_ALLOWED_ENDPOINTS";
    static final String ENV_DEFAULT_ENDPOINT = "SQLSCORE_DEFAULT_ENDPOINT";
    static final String ENV_MAX_REQUEST_BYTES = "SQLSCORE_MAX_REQUEST_BYTES";
    static final String ENV_MAX_ROWS_PER_REQUEST = "SQLSCORE_MAX_ROWS_PER_REQUEST";
    static final String ENV_MAX_CONCURRENT_REQUESTS = "SQLSCORE_MAX_CONCURRENT_REQUESTS";
    static final String ENV_DEADLINE_MILLIS = "SQLSCORE_DEADLINE_MILLIS";
    static final String ENV_METRICS_NAMESPACE = "SQLSCORE_METRICS_NAMESPACE";
    static final String ENV_ASYNC_STATE_PATH = "SQLSCORE_ASYNC_STATE_PATH";

    /** Where the handler's metrics go: one namespace per component and stack, so stacks never mix. */
    static String metricsNamespace(String name, String stackName) {
        return name + "/" + stackName;
    }

    static ScoringLambda create(String name, String stackName, Functions functions, LambdaSettings lambda,
                                ScoringSettings scoring, MonitoringSettings monitoring, int logRetentionDays,
                                Path artifact, AwsContext aws, Optional<AsyncStateBucket> asyncState,
                                Resource parent) {
        requireArtifact(artifact);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();

        var logGroup = new LogGroup(name + "-lambda-logs", LogGroupArgs.builder()
                .name("/sqlscore/" + stackName + "/" + name + "/lambda")
                .retentionInDays(logRetentionDays)
                .build(), child);
        var role = new Role(name + "-lambda-role", RoleArgs.builder()
                .description("Runs the sqlscore Lambda of " + name + " (" + stackName + ")")
                .assumeRolePolicy(PolicyDocuments.serviceTrust("lambda.amazonaws.com"))
                .build(), child);
        var invokeEndpoints = new RolePolicy(name + "-lambda-sagemaker", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(endpointArns(functions.realTimeEndpointNames(), aws),
                                endpointArns(functions.asyncEndpointNames(), aws))
                        .applyValue(arns -> PolicyDocuments.allowEach(
                                List.of(List.of("sagemaker:InvokeEndpoint"), List.of("sagemaker:InvokeEndpointAsync")),
                                List.of(arns.t1, arns.t2))))
                .build(), child);
        var writeLogs = new RolePolicy(name + "-lambda-logging", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> PolicyDocuments.allow(
                        List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(arn + ":*"))))
                .build(), child);

        List<Resource> rolePolicies = new ArrayList<>(List.of(invokeEndpoints, writeLogs));
        asyncState.ifPresent(state -> rolePolicies.add(new RolePolicy(name + "-lambda-async-state",
                RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(Output.tuple(aws.partition(), state.bucket().bucket())
                                .applyValue(t -> asyncStatePolicy(functions.asyncFunctions(), t.t1, t.t2)))
                        .build(), child)));
        if (monitoring.tracing()) {
            // X-Ray has no resource-level permissions for these two actions: "*" is the only resource they take.
            rolePolicies.add(new RolePolicy(name + "-lambda-xray", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(PolicyDocuments.allow(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                            List.of("*")))
                    .build(), child));
        }
        var functionArgs = FunctionArgs.builder()
                .description("sqlscore: Snowflake external function -> SageMaker InvokeEndpoint")
                .runtime(RUNTIME)
                .handler(HANDLER)
                .code(new FileArchive(artifact.toString()))
                .role(role.arn())
                .architectures(lambda.architecture())
                .memorySize(lambda.memoryMb())
                .timeout(lambda.timeoutSeconds())
                .publish(true)
                .snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build())
                .environment(FunctionEnvironmentArgs.builder().variables(variables(environment(functions,
                        scoring, metricsNamespace(name, stackName)), asyncState)).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("Text").logGroup(logGroup.name()).build());
        if (monitoring.reservedConcurrency() != null) {
            functionArgs.reservedConcurrentExecutions(monitoring.reservedConcurrency());
        }
        if (monitoring.tracing()) {
            functionArgs.tracingConfig(FunctionTracingConfigArgs.builder().mode("Active").build());
        }
        var handler = new Function(name + "-handler", functionArgs.build(),
                CustomResourceOptions.builder().parent(parent).dependsOn(rolePolicies).build());
        var alias = new Alias(name + "-live", AliasArgs.builder()
                .name(ALIAS_NAME)
                .description("The published SnapStart version API Gateway invokes")
                .functionName(handler.name())
                .functionVersion(handler.version())
                .build(), child);
        return new ScoringLambda(handler, alias, logGroup);
    }

    /** Exactly the variables the handler reads; the endpoint allow-list is always set. */
    static Map<String, String> environment(Functions functions, ScoringSettings scoring, String metricsNamespace) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ENV_ALLOWED_ENDPOINTS, String.join(",", functions.endpointNames()));
        if (scoring.defaultEndpoint() != null) {
            env.put(ENV_DEFAULT_ENDPOINT, scoring.defaultEndpoint());
        }
        env.put(ENV_MAX_REQUEST_BYTES, Integer.toString(scoring.maxRequestBytes()));
        env.put(ENV_MAX_ROWS_PER_REQUEST, Integer.toString(scoring.maxRowsPerRequest()));
        env.put(ENV_MAX_CONCURRENT_REQUESTS, Integer.toString(scoring.maxConcurrentRequests()));
        env.put(ENV_DEADLINE_MILLIS, Integer.toString(scoring.deadlineMillis()));
        env.put(ENV_METRICS_NAMESPACE, metricsNamespace);
        return env;
    }

    private static Output<List<String>> endpointArns(Set<String> endpointNames, AwsContext aws) {
        return Output.all(endpointNames.stream().map(aws::sageMakerEndpointArn).toList());
    }

    /** With an asynchronous function, the handler also learns where its state bucket is. */
    private static Output<Map<String, String>> variables(Map<String, String> environment,
                                                         Optional<AsyncStateBucket> asyncState) {
        return asyncState.map(state -> state.statePath().applyValue(path -> {
            Map<String, String> withState = new LinkedHashMap<>(environment);
            withState.put(ENV_ASYNC_STATE_PATH, path);
            return withState;
        })).orElse(Output.of(environment));
    }

    /**
     * Reads and writes only under the state bucket's batch prefix, reads only below the endpoints' output and failure
     * paths. {@code s3:ListBucket} on those buckets is what makes S3 answer a missing object with 404 rather than
     * 403: the handler tells "not answered yet" (and "no such batch") from "not allowed" by that. It names keys only
     * (inference ids and hashes, never row values) and takes no prefix condition, which S3 does not evaluate for that
     * decision.
     */
    static String asyncStatePolicy(List<FunctionSettings> asyncFunctions, String partition, String stateBucket) {
        String s3 = "arn:" + partition + ":s3:::";
        List<String> readPaths = new ArrayList<>();
        Set<String> buckets = new LinkedHashSet<>(List.of(s3 + stateBucket));
        for (var function : asyncFunctions) {
            for (String path : Arrays.asList(function.async().outputPath(), function.async().failurePath())) {
                if (path != null) {
                    String arn = s3 + AsyncSettings.bucketOf(path) + "/" + AsyncSettings.prefixOf(path) + "*";
                    if (!readPaths.contains(arn)) {
                        readPaths.add(arn);
                    }
                    buckets.add(s3 + AsyncSettings.bucketOf(path));
                }
            }
        }
        return PolicyDocuments.allowEach(
                List.of(List.of("s3:GetObject", "s3:PutObject"), List.of("s3:GetObject"), List.of("s3:ListBucket")),
                List.of(List.of(s3 + stateBucket + "/" + AsyncStateBucket.STATE_PREFIX + "*"), readPaths,
                        List.copyOf(buckets)));
    }

    private static void requireArtifact(Path artifact) {
        if (!Files.isRegularFile(artifact)) {
            throw new MissingArtifactException("The Lambda artifact " + artifact.toAbsolutePath().normalize()
                    + " does not exist. Build it first: run `" + BUILD_COMMAND + "` at the repository root, then "
                    + "run `pulumi up` again.");
        }
    }
}
