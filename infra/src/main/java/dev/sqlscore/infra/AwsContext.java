package dev.sqlscore.infra;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import java.util.Locale;

/**
 * Where the stack deploys, looked up once: partition (aws, aws-us-gov, aws-cn), its DNS suffix (amazonaws.com,
 * amazonaws.com.cn), account and region.
 */
record AwsContext(Output<String> partition, Output<String> dnsSuffix, Output<String> accountId,
                  Output<String> region) {

    static AwsContext lookup() {
        var partition = AwsFunctions.getPartition();
        return new AwsContext(
                partition.applyValue(GetPartitionResult::partition),
                partition.applyValue(GetPartitionResult::dnsSuffix),
                AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId),
                AwsFunctions.getRegion().applyValue(GetRegionResult::name));
    }

    /** {@code arn:<partition>:iam::<account>:role/<name>}, known before the role exists. */
    Output<String> roleArn(String roleName) {
        return Output.format("arn:%s:iam::%s:role/%s", partition, accountId, roleName);
    }

    /**
     * The principal API Gateway sees when Snowflake calls: the role's {@code snowflake} session. Built from the
     * role's own output, so nothing that names it is created before the role.
     */
    Output<String> snowflakeSessionArn(Output<String> roleName) {
        return Output.format("arn:%s:sts::%s:assumed-role/%s/snowflake", partition, accountId, roleName);
    }

    /** SageMaker writes endpoint names in lower case in its ARNs; IAM compares ARNs case-sensitively. */
    Output<String> sageMakerEndpointArn(String endpointName) {
        return Output.format("arn:%s:sagemaker:%s:%s:endpoint/%s", partition, region, accountId,
                endpointName.toLowerCase(Locale.ROOT));
    }
}
