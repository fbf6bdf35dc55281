package dev.sqlscore.infra;

import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.IntegrationArgs;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodArgs;
import com.pulumi.aws.apigateway.ResourceArgs;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.RestApiArgs;
import com.pulumi.aws.apigateway.RestApiPolicy;
import com.pulumi.aws.apigateway.RestApiPolicyArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.EndpointType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST API Snowflake calls: one POST method (and, when some function is asynchronous, the GET Snowflake polls
 * with) with AWS_IAM authorization and a Lambda proxy integration on the alias, a resource policy for the Snowflake
 * role's session only, and a stage that is redeployed on every change.
 *
 * <p>Built in two steps so that no policy names a principal before it exists: {@link #restApi} first (its id fixes
 * the stage URL the API integration allows), then, once the Snowflake role exists, {@link #create} with the
 * resource policy naming that role's session, the method, the deployment and the stage.
 */
record ScoringApi(RestApi restApi, Stage stage, List<Permission> invokePermissions) {

    static final String STAGE_NAME = "v1";
    static final String RESOURCE_PATH = "score";
    static final String HTTP_METHOD = "POST";
    /** Snowflake polls an asynchronous function with GET on the same resource, with the POST's headers. */
    static final String POLL_METHOD = "GET";
    /**
     * Turns on API Gateway payload compression. Snowflake sends {@code Content-Encoding: gzip} bodies (COMPRESSION =
     * AUTO); with compression on, API Gateway decompresses them before the Lambda sees them, and gzips responses of
     * at least this many bytes for clients that send {@code Accept-Encoding: gzip} (Snowflake does). Without it the
     * gzip body would reach the Lambda mangled. The local {@code serve} command mimics exactly this.
     */
    static final int MINIMUM_COMPRESSION_SIZE_BYTES = 1024;

    static RestApi restApi(String name, String stackName, EndpointType endpointType, Resource parent) {
        return new RestApi(name + "-api", RestApiArgs.builder()
                // A fixed name: the dashboard and alarms address API Gateway's metrics by it (ApiName).
                .name(apiName(name, stackName))
                .description("sqlscore: Snowflake external functions of " + name + " (" + stackName + ")")
                .endpointConfiguration(RestApiEndpointConfigurationArgs.builder()
                        .types(endpointType.name()).build())
                .minimumCompressionSize(Integer.toString(MINIMUM_COMPRESSION_SIZE_BYTES))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    static String apiName(String name, String stackName) {
        return name + "-" + stackName;
    }

    /**
     * The stage's URL before the stage exists, as the AWS provider computes {@code invokeUrl}:
     * {@code https://<api id>.execute-api.<region>.<partition's DNS suffix>/<stage>}. Private APIs have the same URL.
     */
    static Output<String> stageUrl(RestApi restApi, AwsContext aws) {
        return Output.format("https://%s.execute-api.%s.%s/%s", restApi.id(), aws.region(), aws.dnsSuffix(),
                STAGE_NAME);
    }

    /** What {@code execute-api:Invoke} names: the stage, method and path of the scoring resource. */
    static Output<String> methodArn(RestApi restApi) {
        return methodArn(restApi, HTTP_METHOD);
    }

    static Output<String> methodArn(RestApi restApi, String httpMethod) {
        return Output.format("%s/%s/%s/%s", restApi.executionArn(), STAGE_NAME, httpMethod, RESOURCE_PATH);
    }

    /** The methods the API has: POST, and GET when some function is asynchronous. */
    static List<String> httpMethods(boolean pollRoute) {
        return pollRoute ? List.of(HTTP_METHOD, POLL_METHOD) : List.of(HTTP_METHOD);
    }

    /** Every method's ARN, for the policies that let Snowflake's role call them. */
    static Output<List<String>> methodArns(RestApi restApi, boolean pollRoute) {
        return Output.all(httpMethods(pollRoute).stream().map(method -> methodArn(restApi, method)).toList());
    }

    static ScoringApi create(String name, String stackName, ApiOptions options, RestApi restApi,
                             ScoringLambda lambda, Output<String> snowflakeSessionArn,
                             Output<List<String>> sourceVpcIds, AwsContext aws, Resource parent) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        var policy = new RestApiPolicy(name + "-api-policy", RestApiPolicyArgs.builder()
                .restApiId(restApi.id())
                .policy(Output.tuple(snowflakeSessionArn, methodArns(restApi, options.pollRoute()), sourceVpcIds)
                        .applyValue(t -> PolicyDocuments.apiResourcePolicy(t.t1, t.t2, t.t3)))
                .build(), child);
        // qualified: API Gateway's Resource, not the com.pulumi.resources.Resource imported above
        var resource = new com.pulumi.aws.apigateway.Resource(name + "-resource", ResourceArgs.builder()
                .restApi(restApi.id())
                .parentId(restApi.rootResourceId())
                .pathPart(RESOURCE_PATH)
                .build(), child);
        List<Resource> routes = new ArrayList<>();
        List<Output<?>> fingerprint = new ArrayList<>(List.of(policy.id(), policy.policy()));
        List<Permission> permissions = new ArrayList<>();
        for (String httpMethod : httpMethods(options.pollRoute())) {
            // POST keeps the names it always had; GET's are suffixed, so adding polling replaces nothing.
            String suffix = httpMethod.equals(HTTP_METHOD) ? "" : "-" + httpMethod.toLowerCase(Locale.ROOT);
            var method = new Method(name + "-method" + suffix, MethodArgs.builder()
                    .restApi(restApi.id())
                    .resourceId(resource.id())
                    .httpMethod(httpMethod)
                    .authorization("AWS_IAM")
                    .build(), child);
            var integration = new Integration(name + "-lambda-integration" + suffix, IntegrationArgs.builder()
                    .restApi(restApi.id())
                    .resourceId(resource.id())
                    .httpMethod(method.httpMethod())
                    .type("AWS_PROXY")
                    // Lambda is always invoked with POST, whatever the client's method.
                    .integrationHttpMethod("POST")
                    .uri(lambda.alias().invokeArn())
                    .timeoutMilliseconds(options.integrationTimeoutSeconds() * 1_000)
                    .build(), child);
            permissions.add(new Permission(name + "-invoke-permission" + suffix, PermissionArgs.builder()
                    .action("lambda:InvokeFunction")
                    .function(lambda.function().name())
                    .qualifier(lambda.alias().name())
                    .principal("apigateway.amazonaws.com")
                    .sourceArn(methodArn(restApi, httpMethod))
                    .build(), child));
            routes.addAll(List.of(method, integration));
            fingerprint.addAll(List.of(method.id(), method.httpMethod(), method.authorization(), integration.id(),
                    integration.type(), integration.uri(), integration.timeoutMilliseconds()));
        }
        routes.add(policy);
        var deployment = new Deployment(name + "-deployment", DeploymentArgs.builder()
                .restApi(restApi.id())
                .description("sqlscore " + name)
                .triggers(redeploymentTrigger(fingerprint))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(routes).build());
        var accessLogs = AccessLogs.create(name, stackName, options.accessLogging(), options.logRetentionDays(), aws,
                parent);
        var stageArgs = StageArgs.builder()
                .restApi(restApi.id())
                .deployment(deployment.id())
                .stageName(STAGE_NAME)
                .xrayTracingEnabled(options.tracing());
        accessLogs.ifPresent(logs -> stageArgs.accessLogSettings(logs.stageSettings()));
        var stage = new Stage(name + "-stage", stageArgs.build(), CustomResourceOptions.builder().parent(parent)
                .dependsOn(accessLogs.map(AccessLogs::prerequisites).orElse(List.of())).build());
        return new ScoringApi(restApi, stage, List.copyOf(permissions));
    }

    /**
     * A deployment is a snapshot: a changed method, integration or policy only reaches the stage through a new
     * one. The trigger fingerprints all of them, ids included, so a replaced resource also redeploys.
     */
    private static Output<Map<String, String>> redeploymentTrigger(List<Output<?>> parts) {
        return Output.all(parts.stream().map(part -> part.applyValue(String::valueOf)).toList())
                .applyValue(values -> Map.of("redeployment", ResourceNames.sha256(String.join("\n", values))));
    }
}
