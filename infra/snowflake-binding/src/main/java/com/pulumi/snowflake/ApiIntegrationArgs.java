package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link ApiIntegration}; the AWS ones only (no Azure, Google or API key settings are bound). */
public final class ApiIntegrationArgs extends ResourceArgs {

    public static final ApiIntegrationArgs Empty = new ApiIntegrationArgs();

    @Import(name = "apiAllowedPrefixes", required = true)
    private Output<List<String>> apiAllowedPrefixes;

    @Import(name = "apiAwsRoleArn")
    private Output<String> apiAwsRoleArn;

    @Import(name = "apiBlockedPrefixes")
    private Output<List<String>> apiBlockedPrefixes;

    @Import(name = "apiProvider", required = true)
    private Output<String> apiProvider;

    @Import(name = "comment")
    private Output<String> comment;

    @Import(name = "enabled")
    private Output<Boolean> enabled;

    @Import(name = "name")
    private Output<String> name;

    private ApiIntegrationArgs() {
    }

    private ApiIntegrationArgs(ApiIntegrationArgs other) {
        apiAllowedPrefixes = other.apiAllowedPrefixes;
        apiAwsRoleArn = other.apiAwsRoleArn;
        apiBlockedPrefixes = other.apiBlockedPrefixes;
        apiProvider = other.apiProvider;
        comment = other.comment;
        enabled = other.enabled;
        name = other.name;
    }

    public Output<List<String>> apiAllowedPrefixes() {
        return apiAllowedPrefixes;
    }

    public Optional<Output<String>> apiAwsRoleArn() {
        return Optional.ofNullable(apiAwsRoleArn);
    }

    public Optional<Output<List<String>>> apiBlockedPrefixes() {
        return Optional.ofNullable(apiBlockedPrefixes);
    }

    public Output<String> apiProvider() {
        return apiProvider;
    }

    public Optional<Output<String>> comment() {
        return Optional.ofNullable(comment);
    }

    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(enabled);
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ApiIntegrationArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final ApiIntegrationArgs values;

        public Builder() {
            values = new ApiIntegrationArgs();
        }

        public Builder(ApiIntegrationArgs defaults) {
            values = new ApiIntegrationArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder apiAllowedPrefixes(Output<List<String>> apiAllowedPrefixes) {
            values.apiAllowedPrefixes = apiAllowedPrefixes;
            return this;
        }

        public Builder apiAllowedPrefixes(List<String> apiAllowedPrefixes) {
            return apiAllowedPrefixes(Output.of(apiAllowedPrefixes));
        }

        public Builder apiAllowedPrefixes(String... apiAllowedPrefixes) {
            return apiAllowedPrefixes(List.of(apiAllowedPrefixes));
        }

        public Builder apiAwsRoleArn(Output<String> apiAwsRoleArn) {
            values.apiAwsRoleArn = apiAwsRoleArn;
            return this;
        }

        public Builder apiAwsRoleArn(String apiAwsRoleArn) {
            return apiAwsRoleArn(Output.of(apiAwsRoleArn));
        }

        public Builder apiBlockedPrefixes(Output<List<String>> apiBlockedPrefixes) {
            values.apiBlockedPrefixes = apiBlockedPrefixes;
            return this;
        }

        public Builder apiBlockedPrefixes(List<String> apiBlockedPrefixes) {
            return apiBlockedPrefixes(Output.of(apiBlockedPrefixes));
        }

        public Builder apiBlockedPrefixes(String... apiBlockedPrefixes) {
            return apiBlockedPrefixes(List.of(apiBlockedPrefixes));
        }

        public Builder apiProvider(Output<String> apiProvider) {
            values.apiProvider = apiProvider;
            return this;
        }

        public Builder apiProvider(String apiProvider) {
            return apiProvider(Output.of(apiProvider));
        }

        public Builder comment(Output<String> comment) {
            values.comment = comment;
            return this;
        }

        public Builder comment(String comment) {
            return comment(Output.of(comment));
        }

        public Builder enabled(Output<Boolean> enabled) {
            values.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder name(Output<String> name) {
            values.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public ApiIntegrationArgs build() {
            if (values.apiAllowedPrefixes == null) {
                throw new MissingRequiredPropertyException("ApiIntegrationArgs", "apiAllowedPrefixes");
            }
            if (values.apiProvider == null) {
                throw new MissingRequiredPropertyException("ApiIntegrationArgs", "apiProvider");
            }
            return values;
        }
    }
}
