package dev.sqlscore.infra;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import com.pulumi.snowflake.Provider;
import com.pulumi.snowflake.SnowflakeFunctions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The VPCs a PRIVATE API admits: the configured ones and, when asked, the one Snowflake reports through the
 * provider's platform-info data source (its {@code snowflake-vpc-id} only; Snowflake answers it for ACCOUNTADMIN).
 */
final class SnowflakeVpcs {

    private SnowflakeVpcs() {
    }

    static Output<List<String>> sourceVpcIds(List<String> configured, boolean discover, Provider provider,
                                             Resource parent) {
        if (!discover) {
            return Output.of(requireSome(configured));
        }
        return SnowflakeFunctions.getSystemGetSnowflakePlatformInfo(InvokeArgs.Empty,
                        InvokeOptions.builder().parent(parent).provider(provider).build())
                .applyValue(info -> requireSome(union(configured, info.awsVpcIds())));
    }

    /** Each id once, configured ones first. */
    static List<String> union(List<String> configured, List<String> discovered) {
        Set<String> ids = new LinkedHashSet<>(configured);
        if (discovered != null) {
            ids.addAll(discovered);
        }
        return List.copyOf(ids);
    }

    /** A private API's policy without a VPC condition would admit every caller: never write one. */
    private static List<String> requireSome(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalStateException("No Snowflake VPC id is known for the PRIVATE API: set "
                    + "sqlscore:snowflakeVpcIds to the ids SYSTEM$GET_SNOWFLAKE_PLATFORM_INFO() returns (Snowflake "
                    + "reported none to the provider)");
        }
        return ids;
    }
}
