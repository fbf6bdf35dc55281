package com.pulumi.snowflake.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.List;
import java.util.Objects;

/** What {@code getSystemGetSnowflakePlatformInfo} returns: the account's VPC (AWS) or VNet subnets (Azure). */
@CustomType
public final class GetSystemGetSnowflakePlatformInfoResult {

    private List<String> awsVpcIds;
    private List<String> azureVnetSubnetIds;
    private String id;

    private GetSystemGetSnowflakePlatformInfoResult() {
    }

    /** Snowflake's AWS VPC ids. */
    public List<String> awsVpcIds() {
        return awsVpcIds;
    }

    /** Snowflake's Azure VNet subnet ids. */
    public List<String> azureVnetSubnetIds() {
        return azureVnetSubnetIds;
    }

    public String id() {
        return id;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GetSystemGetSnowflakePlatformInfoResult defaults) {
        return new Builder(defaults);
    }

    @CustomType.Builder
    public static final class Builder {
        private List<String> awsVpcIds;
        private List<String> azureVnetSubnetIds;
        private String id;

        public Builder() {
        }

        public Builder(GetSystemGetSnowflakePlatformInfoResult defaults) {
            Objects.requireNonNull(defaults);
            this.awsVpcIds = defaults.awsVpcIds;
            this.azureVnetSubnetIds = defaults.azureVnetSubnetIds;
            this.id = defaults.id;
        }

        @CustomType.Setter
        public Builder awsVpcIds(List<String> awsVpcIds) {
            this.awsVpcIds = Objects.requireNonNull(awsVpcIds, "awsVpcIds");
            return this;
        }

        public Builder awsVpcIds(String... awsVpcIds) {
            return awsVpcIds(List.of(awsVpcIds));
        }

        @CustomType.Setter
        public Builder azureVnetSubnetIds(List<String> azureVnetSubnetIds) {
            this.azureVnetSubnetIds = Objects.requireNonNull(azureVnetSubnetIds, "azureVnetSubnetIds");
            return this;
        }

        public Builder azureVnetSubnetIds(String... azureVnetSubnetIds) {
            return azureVnetSubnetIds(List.of(azureVnetSubnetIds));
        }

        @CustomType.Setter
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public GetSystemGetSnowflakePlatformInfoResult build() {
            var result = new GetSystemGetSnowflakePlatformInfoResult();
            result.awsVpcIds = awsVpcIds;
            result.azureVnetSubnetIds = azureVnetSubnetIds;
            result.id = id;
            return result;
        }
    }
}
