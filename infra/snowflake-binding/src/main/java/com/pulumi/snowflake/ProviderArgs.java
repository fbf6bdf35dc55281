package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@link Provider}. Provider inputs other than strings travel JSON-encoded ({@code json = true}), as the
 * schema says. As in the official SDK, {@link Builder#build()} falls back to {@code SNOWFLAKE_ROLE},
 * {@code SNOWFLAKE_WAREHOUSE} and {@code SNOWFLAKE_PRIVATE_KEY_PASSPHRASE} (kept secret) for unset settings.
 */
public final class ProviderArgs extends ResourceArgs {

    public static final ProviderArgs Empty = new ProviderArgs();

    @Import(name = "accountName")
    private Output<String> accountName;

    @Import(name = "authenticator")
    private Output<String> authenticator;

    @Import(name = "organizationName")
    private Output<String> organizationName;

    @Import(name = "previewFeaturesEnabled", json = true)
    private Output<List<String>> previewFeaturesEnabled;

    @Import(name = "privateKey")
    private Output<String> privateKey;

    @Import(name = "privateKeyPassphrase")
    private Output<String> privateKeyPassphrase;

    @Import(name = "role")
    private Output<String> role;

    @Import(name = "user")
    private Output<String> user;

    @Import(name = "warehouse")
    private Output<String> warehouse;

    private ProviderArgs() {
    }

    private ProviderArgs(ProviderArgs other) {
        accountName = other.accountName;
        authenticator = other.authenticator;
        organizationName = other.organizationName;
        previewFeaturesEnabled = other.previewFeaturesEnabled;
        privateKey = other.privateKey;
        privateKeyPassphrase = other.privateKeyPassphrase;
        role = other.role;
        user = other.user;
        warehouse = other.warehouse;
    }

    public Optional<Output<String>> accountName() {
        return Optional.ofNullable(accountName);
    }

    public Optional<Output<String>> authenticator() {
        return Optional.ofNullable(authenticator);
    }

    public Optional<Output<String>> organizationName() {
        return Optional.ofNullable(organizationName);
    }

    public Optional<Output<List<String>>> previewFeaturesEnabled() {
        return Optional.ofNullable(previewFeaturesEnabled);
    }

    public Optional<Output<String>> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    public Optional<Output<String>> privateKeyPassphrase() {
        return Optional.ofNullable(privateKeyPassphrase);
    }

    public Optional<Output<String>> role() {
        return Optional.ofNullable(role);
    }

    public Optional<Output<String>> user() {
        return Optional.ofNullable(user);
    }

    public Optional<Output<String>> warehouse() {
        return Optional.ofNullable(warehouse);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ProviderArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final ProviderArgs values;

        public Builder() {
            values = new ProviderArgs();
        }

        public Builder(ProviderArgs defaults) {
            values = new ProviderArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder accountName(Output<String> accountName) {
            values.accountName = accountName;
            return this;
        }

        public Builder accountName(String accountName) {
            return accountName(Output.of(accountName));
        }

        public Builder authenticator(Output<String> authenticator) {
            values.authenticator = authenticator;
            return this;
        }

        public Builder authenticator(String authenticator) {
            return authenticator(Output.of(authenticator));
        }

        public Builder organizationName(Output<String> organizationName) {
            values.organizationName = organizationName;
            return this;
        }

        public Builder organizationName(String organizationName) {
            return organizationName(Output.of(organizationName));
        }

        public Builder previewFeaturesEnabled(Output<List<String>> previewFeaturesEnabled) {
            values.previewFeaturesEnabled = previewFeaturesEnabled;
            return this;
        }

        public Builder previewFeaturesEnabled(List<String> previewFeaturesEnabled) {
            return previewFeaturesEnabled(Output.of(previewFeaturesEnabled));
        }

        public Builder previewFeaturesEnabled(String... previewFeaturesEnabled) {
            return previewFeaturesEnabled(List.of(previewFeaturesEnabled));
        }

        public Builder privateKey(Output<String> privateKey) {
            values.privateKey = privateKey;
            return this;
        }

        public Builder privateKey(String privateKey) {
            return privateKey(Output.of(privateKey));
        }

        public Builder privateKeyPassphrase(Output<String> privateKeyPassphrase) {
            values.privateKeyPassphrase = privateKeyPassphrase;
            return this;
        }

        public Builder privateKeyPassphrase(String privateKeyPassphrase) {
            return privateKeyPassphrase(Output.of(privateKeyPassphrase));
        }

        public Builder role(Output<String> role) {
            values.role = role;
            return this;
        }

        public Builder role(String role) {
            return role(Output.of(role));
        }

        public Builder user(Output<String> user) {
            values.user = user;
            return this;
        }

        public Builder user(String user) {
            return user(Output.of(user));
        }

        public Builder warehouse(Output<String> warehouse) {
            values.warehouse = warehouse;
            return this;
        }

        public Builder warehouse(String warehouse) {
            return warehouse(Output.of(warehouse));
        }

        public ProviderArgs build() {
            values.privateKeyPassphrase = orEnvironment(values.privateKeyPassphrase,
                    "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", true);
            values.role = orEnvironment(values.role, "SNOWFLAKE_ROLE", false);
            values.warehouse = orEnvironment(values.warehouse, "SNOWFLAKE_WAREHOUSE", false);
            return values;
        }

        private static Output<String> orEnvironment(Output<String> value, String variable, boolean secret) {
            if (value != null) {
                return secret ? value.asSecret() : value;
            }
            String fromEnvironment = System.getenv(variable);
            if (fromEnvironment == null) {
                return null;
            }
            return secret ? Output.ofSecret(fromEnvironment) : Output.of(fromEnvironment);
        }
    }
}
