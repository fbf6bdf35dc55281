package dev.sqlscore.infra;

import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.snowflake.ApiIntegration;
import com.pulumi.snowflake.ApiIntegrationArgs;
import com.pulumi.snowflake.Provider;
import com.pulumi.snowflake.ProviderArgs;
import dev.sqlscore.infra.config.EndpointType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The trust loop, closed in one run. The role's ARN is computed before the role exists, so the API integration can
 * name it; the role is created after the integration, with a trust policy built from the integration's outputs.
 * The trust never names a placeholder or wildcard principal, and it follows the external id when the integration
 * is re-created. The integration needs only the REST API's id (for the stage URL it allows), so the role exists
 * before anything names its session: the API's resource policy is built from the role's outputs.
 */
record SnowflakeTrust(Provider provider, ApiIntegration integration, Role role, RolePolicy invokePolicy) {

    /** Preview resources the provider must enable by name (snake_case, whatever the generated docs print). */
    static final List<String> PREVIEW_FEATURES = List.of("snowflake_api_integration_resource",
            "snowflake_external_function_resource");

    /**
     * @param privateKeyPassphrase {@code null} for an unencrypted key
     * @param pollRoute            whether the API also has the GET route asynchronous functions are polled on
     */
    static SnowflakeTrust create(String name, String roleName, String integrationName, SnowflakeAccount account,
                                 Output<String> privateKey, Output<String> privateKeyPassphrase,
                                 EndpointType endpointType, boolean pollRoute, RestApi restApi, AwsContext aws,
                                 Resource parent) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        var provider = new Provider(name + "-snowflake", providerArgs(account, privateKey, privateKeyPassphrase),
                child);
        CustomResourceOptions viaProvider = CustomResourceOptions.builder().parent(parent).provider(provider).build();

        var integration = new ApiIntegration(name + "-api-integration", ApiIntegrationArgs.builder()
                .name(integrationName)
                .apiProvider(aws.partition().applyValue(partition -> apiProvider(partition, endpointType)))
                .apiAwsRoleArn(aws.roleArn(roleName))
                // The trailing slash keeps a sibling stage such as "v10" out of the allowed prefix.
                .apiAllowedPrefixes(ScoringApi.stageUrl(restApi, aws).applyValue(url -> List.of(url + "/")))
                .enabled(true)
                // The role's name already holds the component's and the stack's, e.g. sqlscore-dev-snowflake.
                .comment("sqlscore: SageMaker scoring through " + roleName)
                .build(), viaProvider);

        var role = new Role(name + "-snowflake-role", RoleArgs.builder()
                .name(roleName)
                .description("Assumed by Snowflake's API integration " + integrationName + " to call the sqlscore API")
                .assumeRolePolicy(Output.tuple(integration.apiAwsIamUserArn(), integration.apiAwsExternalId())
                        .applyValue(t -> PolicyDocuments.snowflakeTrust(t.t1, t.t2)))
                .build(), child);
        var invoke = new RolePolicy(name + "-snowflake-invoke", RolePolicyArgs.builder()
                .role(role.id())
                .policy(ScoringApi.methodArns(restApi, pollRoute).applyValue(arns -> PolicyDocuments.allow(
                        List.of("execute-api:Invoke"), arns)))
                .build(), child);
        return new SnowflakeTrust(provider, integration, role, invoke);
    }

    /**
     * Resolves (during a real update) once the trust, its policy, the Lambda permission and the stage exist and the
     * trust has had time to propagate; the functions wait on it, so the first SQL call finds everything in place.
     */
    Output<List<Resource>> readyWith(ScoringApi api, PropagationDelay delay, Duration propagation) {
        return Output.tuple(role.arn(), role.assumeRolePolicy(), invokePolicy.policy())
                .apply(changed -> Output.of(waitForPropagation(delay, propagation)))
                .applyValue(ignored -> {
                    List<Resource> ready = new ArrayList<>(List.of(role, invokePolicy, api.stage()));
                    ready.addAll(api.invokePermissions());
                    return ready;
                });
    }

    /**
     * IAM is eventually consistent and offers no "ready" signal for a trust policy, so the first SQL call is made
     * safe by waiting, once per update, before the functions are created. Never during a preview.
     */
    private static CompletableFuture<Boolean> waitForPropagation(PropagationDelay delay, Duration duration) {
        if (Deployment.getInstance().isDryRun() || duration.isZero()) {
            return CompletableFuture.completedFuture(false);
        }
        return delay.after(duration).thenApply(done -> true);
    }

    static String apiProvider(String partition, EndpointType endpointType) {
        String gov = "aws-us-gov".equals(partition) ? "gov_" : "";
        String visibility = endpointType == EndpointType.PRIVATE ? "private_" : "";
        return "aws_" + gov + visibility + "api_gateway";
    }

    private static ProviderArgs providerArgs(SnowflakeAccount account, Output<String> privateKey,
                                             Output<String> privateKeyPassphrase) {
        var args = ProviderArgs.builder()
                .organizationName(account.organizationName())
                .accountName(account.accountName())
                .user(account.user())
                .role(account.role())
                .authenticator("SNOWFLAKE_JWT")
                // Secret whatever the caller passed: the provider's state never holds the key in clear.
                .privateKey(privateKey.asSecret())
                .previewFeaturesEnabled(PREVIEW_FEATURES);
        if (account.warehouse() != null) {
            args.warehouse(account.warehouse());
        }
        if (privateKeyPassphrase != null) {
            args.privateKeyPassphrase(privateKeyPassphrase.asSecret());
        }
        return args.build();
    }
}
