package dev.sqlscore.infra;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.EndpointType;
import dev.sqlscore.infra.config.SnowflakeConnection;
import dev.sqlscore.infra.config.StackSettings;
import dev.sqlscore.infra.snowflake.ApiIntegration;
import dev.sqlscore.infra.snowflake.ApiIntegrationArgs;
import dev.sqlscore.infra.snowflake.Provider;
import dev.sqlscore.infra.snowflake.ProviderArgs;
import dev.sqlscore.infra.snowflake.SnowflakePackage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The trust loop, closed in one run. The role's ARN is computed before the role exists, so the API integration can
 * name it; the role is created after the integration, with a trust policy built from the integration's outputs.
 * The trust never names a placeholder or wildcard principal, and it follows the external id when the integration
 * is re-created.
 *
 * @param ready resolves (during a real update) once the new trust has had time to propagate; functions wait on it
 */
record SnowflakeTrust(Provider provider, ApiIntegration integration, Role role, Output<List<Resource>> ready) {

    static SnowflakeTrust create(String name, String roleName, String integrationName, StackSettings settings,
                                 ScoringApi api, AwsContext aws, PropagationDelay delay, Resource parent) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        var provider = new Provider(name + "-snowflake", providerArgs(settings.snowflake()), child);
        CustomResourceOptions viaProvider = CustomResourceOptions.builder().parent(parent).provider(provider).build();

        var integration = new ApiIntegration(name + "-api-integration", ApiIntegrationArgs.builder()
                .name(integrationName)
                .apiProvider(aws.partition().applyValue(partition -> apiProvider(partition, settings.endpointType())))
                .apiAwsRoleArn(aws.roleArn(roleName))
                // The trailing slash keeps a sibling stage such as "v10" out of the allowed prefix.
                .apiAllowedPrefixes(api.stage().invokeUrl().applyValue(url -> List.of(url + "/")))
                .enabled(true)
                .comment("sqlscore " + name + ": SageMaker scoring through " + roleName)
                .build(), viaProvider);

        var role = new Role(name + "-snowflake-role", RoleArgs.builder()
                .name(roleName)
                .description("Assumed by Snowflake's API integration " + integrationName + " to call the sqlscore API")
                .assumeRolePolicy(Output.tuple(integration.apiAwsIamUserArn(), integration.apiAwsExternalId())
                        .applyValue(t -> PolicyDocuments.snowflakeTrust(t.t1, t.t2)))
                .build(), child);
        var invoke = new RolePolicy(name + "-snowflake-invoke", RolePolicyArgs.builder()
                .role(role.id())
                .policy(api.methodArn().applyValue(arn -> PolicyDocuments.allow(List.of("execute-api:Invoke"),
                        List.of(arn))))
                .build(), child);

        Output<List<Resource>> ready = Output.tuple(role.arn(), role.assumeRolePolicy(), invoke.policy())
                .apply(changed -> Output.of(waitForPropagation(delay, settings.iamPropagation())))
                .applyValue(ignored -> List.<Resource>of(role, invoke, api.invokePermission(), api.stage()));
        return new SnowflakeTrust(provider, integration, role, ready);
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

    private static ProviderArgs providerArgs(SnowflakeConnection connection) {
        var args = ProviderArgs.builder()
                .organizationName(connection.organizationName())
                .accountName(connection.accountName())
                .user(connection.user())
                .role(connection.role())
                .authenticator("SNOWFLAKE_JWT")
                .privateKey(Output.ofSecret(connection.privateKey()))
                .previewFeaturesEnabled(SnowflakePackage.PREVIEW_API_INTEGRATION,
                        SnowflakePackage.PREVIEW_EXTERNAL_FUNCTION);
        if (connection.warehouse() != null) {
            args.warehouse(connection.warehouse());
        }
        if (connection.privateKeyPassphrase() != null) {
            args.privateKeyPassphrase(Output.ofSecret(connection.privateKeyPassphrase()));
        }
        return args.build();
    }
}
