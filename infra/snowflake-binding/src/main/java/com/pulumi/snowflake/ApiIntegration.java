package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Optional;

/**
 * {@code snowflake_api_integration}: lets Snowflake call the API Gateway prefixes it allows, as the IAM role it names.
 * A preview resource: the provider must enable {@code snowflake_api_integration_resource}.
 */
@ResourceType(type = "snowflake:index/apiIntegration:ApiIntegration")
public class ApiIntegration extends CustomResource {

    @Export(name = "apiAllowedPrefixes", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> apiAllowedPrefixes;

    /** The external id Snowflake presents when it assumes the role; it changes when the integration is re-created. */
    @Export(name = "apiAwsExternalId", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsExternalId;

    /** Snowflake's own IAM user, the principal of the role's trust policy. */
    @Export(name = "apiAwsIamUserArn", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsIamUserArn;

    @Export(name = "apiAwsRoleArn", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsRoleArn;

    @Export(name = "apiProvider", refs = {String.class}, tree = "[0]")
    private Output<String> apiProvider;

    @Export(name = "comment", refs = {String.class}, tree = "[0]")
    private Output<String> comment;

    @Export(name = "createdOn", refs = {String.class}, tree = "[0]")
    private Output<String> createdOn;

    @Export(name = "enabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> enabled;

    @Export(name = "fullyQualifiedName", refs = {String.class}, tree = "[0]")
    private Output<String> fullyQualifiedName;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public ApiIntegration(String name) {
        this(name, ApiIntegrationArgs.Empty);
    }

    public ApiIntegration(String name, ApiIntegrationArgs args) {
        this(name, args, null);
    }

    public ApiIntegration(String name, ApiIntegrationArgs args, CustomResourceOptions options) {
        super("snowflake:index/apiIntegration:ApiIntegration", name, args == null ? ApiIntegrationArgs.Empty : args,
                BindingOptions.withDefaults(options, List.of("apiKey")), false);
    }

    public Output<List<String>> apiAllowedPrefixes() {
        return apiAllowedPrefixes;
    }

    public Output<String> apiAwsExternalId() {
        return apiAwsExternalId;
    }

    public Output<String> apiAwsIamUserArn() {
        return apiAwsIamUserArn;
    }

    public Output<Optional<String>> apiAwsRoleArn() {
        return Codegen.optional(apiAwsRoleArn);
    }

    public Output<String> apiProvider() {
        return apiProvider;
    }

    public Output<Optional<String>> comment() {
        return Codegen.optional(comment);
    }

    public Output<String> createdOn() {
        return createdOn;
    }

    public Output<Optional<Boolean>> enabled() {
        return Codegen.optional(enabled);
    }

    public Output<String> fullyQualifiedName() {
        return fullyQualifiedName;
    }

    public Output<String> name() {
        return name;
    }
}
