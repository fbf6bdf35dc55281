package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.snowflake.outputs.GetSystemGetSnowflakePlatformInfoResult;

/**
 * The provider's functions (data sources) this project reads; the official SDK's class has many more. Each invoke
 * carries the plugin version, as the official SDK's do.
 */
public final class SnowflakeFunctions {

    static final String PLATFORM_INFO =
            "snowflake:index/getSystemGetSnowflakePlatformInfo:getSystemGetSnowflakePlatformInfo";

    private SnowflakeFunctions() {
    }

    /**
     * {@code SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO()}: the VPC Snowflake's account runs in. The provider reads only its
     * {@code snowflake-vpc-id} (not the egress VPCs), and Snowflake answers it for ACCOUNTADMIN only.
     */
    public static Output<GetSystemGetSnowflakePlatformInfoResult> getSystemGetSnowflakePlatformInfo() {
        return getSystemGetSnowflakePlatformInfo(InvokeArgs.Empty, InvokeOptions.Empty);
    }

    public static Output<GetSystemGetSnowflakePlatformInfoResult> getSystemGetSnowflakePlatformInfo(
            InvokeArgs args) {
        return getSystemGetSnowflakePlatformInfo(args, InvokeOptions.Empty);
    }

    public static Output<GetSystemGetSnowflakePlatformInfoResult> getSystemGetSnowflakePlatformInfo(
            InvokeArgs args, InvokeOptions options) {
        return Deployment.getInstance().invoke(PLATFORM_INFO,
                TypeShape.of(GetSystemGetSnowflakePlatformInfoResult.class), args, BindingOptions.withVersion(options));
    }
}
