package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link ApiIntegration}, named as in the provider schema. */
public final class ApiIntegrationArgs extends ResourceArgs {

    @Import(name = "apiAllowedPrefixes", required = true)
    private Output<List<String>> apiAllowedPrefixes;

    @Import(name = "apiAwsRoleArn")
    private Output<String> apiAwsRoleArn;

    @Import(name = "apiBlockedPrefixes")
    private Output<List<String>> apiBlockedPrefixes;

    @Import(name = "apiGcpServiceAccount")
    private Output<String> apiGcpServiceAccount;

    @Import(name = "apiKey")
    private Output<String> apiKey;

    @Import(name = "apiProvider", required = true)
    private Output<String> apiProvider;

    @Import(name = "azureAdApplicationId")
    private Output<String> azureAdApplicationId;

    @Import(name = "azureTenantId")
    private Output<String> azureTenantId;

    @Import(name = "comment")
    private Output<String> comment;

    @Import(name = "enabled")
    private Output<Boolean> enabled;

    @Import(name = "googleAudience")
    private Output<String> googleAudience;

    @Import(name = "name")
    private Output<String> name;

    private ApiIntegrationArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ApiIntegrationArgs args = new ApiIntegrationArgs();

        public Builder apiAllowedPrefixes(Output<List<String>> apiAllowedPrefixes) {
            args.apiAllowedPrefixes = apiAllowedPrefixes;
            return this;
        }

        public Builder apiAllowedPrefixes(String... apiAllowedPrefixes) {
            return apiAllowedPrefixes(Output.of(List.of(apiAllowedPrefixes)));
        }

        public Builder apiAwsRoleArn(Output<String> apiAwsRoleArn) {
            args.apiAwsRoleArn = apiAwsRoleArn;
            return this;
        }

        public Builder apiAwsRoleArn(String apiAwsRoleArn) {
            return apiAwsRoleArn(Output.of(apiAwsRoleArn));
        }

        public Builder apiBlockedPrefixes(Output<List<String>> apiBlockedPrefixes) {
            args.apiBlockedPrefixes = apiBlockedPrefixes;
            return this;
        }

        public Builder apiGcpServiceAccount(Output<String> apiGcpServiceAccount) {
            args.apiGcpServiceAccount = apiGcpServiceAccount;
            return this;
        }

        public Builder apiKey(Output<String> apiKey) {
            args.apiKey = apiKey;
            return this;
        }

        public Builder apiProvider(Output<String> apiProvider) {
            args.apiProvider = apiProvider;
            return this;
        }

        public Builder apiProvider(String apiProvider) {
            return apiProvider(Output.of(apiProvider));
        }

        public Builder azureAdApplicationId(Output<String> azureAdApplicationId) {
            args.azureAdApplicationId = azureAdApplicationId;
            return this;
        }

        public Builder azureTenantId(Output<String> azureTenantId) {
            args.azureTenantId = azureTenantId;
            return this;
        }

        public Builder comment(Output<String> comment) {
            args.comment = comment;
            return this;
        }

        public Builder comment(String comment) {
            return comment(Output.of(comment));
        }

        public Builder enabled(Output<Boolean> enabled) {
            args.enabled = enabled;
            return this;
        }

        public Builder enabled(boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder googleAudience(Output<String> googleAudience) {
            args.googleAudience = googleAudience;
            return this;
        }

        public Builder name(Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public ApiIntegrationArgs build() {
            Objects.requireNonNull(args.apiAllowedPrefixes, "ApiIntegrationArgs.apiAllowedPrefixes is required");
            Objects.requireNonNull(args.apiProvider, "ApiIntegrationArgs.apiProvider is required");
            return args;
        }
    }
}
