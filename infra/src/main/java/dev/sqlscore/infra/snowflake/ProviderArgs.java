package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * The provider settings this project uses (key-pair authentication and preview features); the official
 * {@code ProviderArgs} has ~70 more. Non-string provider inputs travel JSON-encoded, hence {@code json = true}.
 */
public final class ProviderArgs extends ResourceArgs {

    @Import(name = "organizationName")
    private Output<String> organizationName;

    @Import(name = "accountName")
    private Output<String> accountName;

    @Import(name = "user")
    private Output<String> user;

    @Import(name = "role")
    private Output<String> role;

    @Import(name = "warehouse")
    private Output<String> warehouse;

    @Import(name = "authenticator")
    private Output<String> authenticator;

    @Import(name = "privateKey")
    private Output<String> privateKey;

    @Import(name = "privateKeyPassphrase")
    private Output<String> privateKeyPassphrase;

    @Import(name = "previewFeaturesEnabled", json = true)
    private Output<List<String>> previewFeaturesEnabled;

    private ProviderArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ProviderArgs args = new ProviderArgs();

        public Builder organizationName(Output<String> organizationName) {
            args.organizationName = organizationName;
            return this;
        }

        public Builder organizationName(String organizationName) {
            return organizationName(Output.of(organizationName));
        }

        public Builder accountName(Output<String> accountName) {
            args.accountName = accountName;
            return this;
        }

        public Builder accountName(String accountName) {
            return accountName(Output.of(accountName));
        }

        public Builder user(Output<String> user) {
            args.user = user;
            return this;
        }

        public Builder user(String user) {
            return user(Output.of(user));
        }

        public Builder role(Output<String> role) {
            args.role = role;
            return this;
        }

        public Builder role(String role) {
            return role(Output.of(role));
        }

        public Builder warehouse(Output<String> warehouse) {
            args.warehouse = warehouse;
            return this;
        }

        public Builder warehouse(String warehouse) {
            return warehouse(Output.of(warehouse));
        }

        public Builder authenticator(Output<String> authenticator) {
            args.authenticator = authenticator;
            return this;
        }

        public Builder authenticator(String authenticator) {
            return authenticator(Output.of(authenticator));
        }

        public Builder privateKey(Output<String> privateKey) {
            args.privateKey = privateKey;
            return this;
        }

        public Builder privateKeyPassphrase(Output<String> privateKeyPassphrase) {
            args.privateKeyPassphrase = privateKeyPassphrase;
            return this;
        }

        public Builder previewFeaturesEnabled(Output<List<String>> previewFeaturesEnabled) {
            args.previewFeaturesEnabled = previewFeaturesEnabled;
            return this;
        }

        public Builder previewFeaturesEnabled(String... previewFeaturesEnabled) {
            return previewFeaturesEnabled(Output.of(List.of(previewFeaturesEnabled)));
        }

        public ProviderArgs build() {
            return args;
        }
    }
}
