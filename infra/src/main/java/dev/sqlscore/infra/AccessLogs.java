package dev.sqlscore.infra;

import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.AccessLogging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stage's access log: who called, when, with what status and latency; never a body. API Gateway writes it
 * with the account-wide CloudWatch role, which this stack sets only with {@code accessLogging: manage-account-role}.
 *
 * @param prerequisites resources the stage must wait for (the account setting, when this stack manages it)
 */
record AccessLogs(StageAccessLogSettingsArgs stageSettings, List<Resource> prerequisites) {

    static final String PUSH_TO_CLOUDWATCH_POLICY = "policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    static Optional<AccessLogs> create(String name, String stackName, AccessLogging accessLogging,
                                       int logRetentionDays, AwsContext aws, Resource parent) {
        if (!accessLogging.enabled()) {
            return Optional.empty();
        }
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        var logGroup = new LogGroup(name + "-access-logs", LogGroupArgs.builder()
                .name("/sqlscore/" + stackName + "/" + name + "/api-access")
                .retentionInDays(logRetentionDays)
                .build(), child);
        var stageSettings = StageAccessLogSettingsArgs.builder()
                .destinationArn(logGroup.arn())
                .format(format())
                .build();
        if (accessLogging != AccessLogging.MANAGE_ACCOUNT_ROLE) {
            return Optional.of(new AccessLogs(stageSettings, List.of()));
        }
        // Account-wide: other APIs in the region log through this role once it is set, so `pulumi destroy` leaves the
        // setting and its role in place rather than pointing the account at a deleted role.
        CustomResourceOptions retained = CustomResourceOptions.builder().parent(parent).retainOnDelete(true).build();
        var role = new Role(name + "-apigateway-cloudwatch", RoleArgs.builder()
                .description("API Gateway's account-wide role for writing CloudWatch logs (set by sqlscore " + name
                        + ")")
                .assumeRolePolicy(PolicyDocuments.serviceTrust("apigateway.amazonaws.com"))
                .build(), retained);
        var attachment = new RolePolicyAttachment(name + "-apigateway-cloudwatch", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(Output.format("arn:%s:iam::aws:%s", aws.partition(), PUSH_TO_CLOUDWATCH_POLICY))
                .build(), retained);
        var account = new Account(name + "-apigateway-account", AccountArgs.builder()
                .cloudwatchRoleArn(role.arn())
                .build(), CustomResourceOptions.builder().parent(parent).retainOnDelete(true).dependsOn(attachment)
                .build());
        return Optional.of(new AccessLogs(stageSettings, List.of(account)));
    }

    private static String format() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTime", "$context.requestTime");
        fields.put("caller", "$context.identity.userArn");
        fields.put("sourceIp", "$context.identity.sourceIp");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("resourcePath", "$context.resourcePath");
        fields.put("status", "$context.status");
        fields.put("responseLength", "$context.responseLength");
        fields.put("integrationStatus", "$context.integration.status");
        fields.put("integrationLatency", "$context.integration.latency");
        fields.put("errorMessage", "$context.error.message");
        return PolicyDocuments.json(fields);
    }
}
