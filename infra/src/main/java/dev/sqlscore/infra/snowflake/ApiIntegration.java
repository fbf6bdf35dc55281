package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * {@code snowflake_api_integration}: the account-level object that lets external functions call an API through an
 * AWS role. A preview resource: the provider must list {@link SnowflakePackage#PREVIEW_API_INTEGRATION}.
 */
@ResourceType(type = "snowflake:index/apiIntegration:ApiIntegration")
public class ApiIntegration extends CustomResource {

    @Export(name = "apiAllowedPrefixes", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> apiAllowedPrefixes;

    /** The external id Snowflake presents when it assumes the role; a re-created integration gets a new one. */
    @Export(name = "apiAwsExternalId", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsExternalId;

    /** The IAM user in Snowflake's account that assumes the role. */
    @Export(name = "apiAwsIamUserArn", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsIamUserArn;

    @Export(name = "apiAwsRoleArn", refs = {String.class}, tree = "[0]")
    private Output<String> apiAwsRoleArn;

    @Export(name = "apiBlockedPrefixes", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> apiBlockedPrefixes;

    @Export(name = "apiGcpServiceAccount", refs = {String.class}, tree = "[0]")
    private Output<String> apiGcpServiceAccount;

    @Export(name = "apiKey", refs = {String.class}, tree = "[0]")
    private Output<String> apiKey;

    @Export(name = "apiProvider", refs = {String.class}, tree = "[0]")
    private Output<String> apiProvider;

    @Export(name = "azureAdApplicationId", refs = {String.class}, tree = "[0]")
    private Output<String> azureAdApplicationId;

    @Export(name = "azureConsentUrl", refs = {String.class}, tree = "[0]")
    private Output<String> azureConsentUrl;

    @Export(name = "azureMultiTenantAppName", refs = {String.class}, tree = "[0]")
    private Output<String> azureMultiTenantAppName;

    @Export(name = "azureTenantId", refs = {String.class}, tree = "[0]")
    private Output<String> azureTenantId;

    @Export(name = "comment", refs = {String.class}, tree = "[0]")
    private Output<String> comment;

    @Export(name = "createdOn", refs = {String.class}, tree = "[0]")
    private Output<String> createdOn;

    @Export(name = "enabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> enabled;

    @Export(name = "fullyQualifiedName", refs = {String.class}, tree = "[0]")
    private Output<String> fullyQualifiedName;

    @Export(name = "googleAudience", refs = {String.class}, tree = "[0]")
    private Output<String> googleAudience;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public ApiIntegration(String name, ApiIntegrationArgs args) {
        this(name, args, null);
    }

    public ApiIntegration(String name, ApiIntegrationArgs args, CustomResourceOptions options) {
        super("snowflake:index/apiIntegration:ApiIntegration", name, args, SnowflakePackage.withVersion(options),
                false);
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

    public Output<String> apiAwsRoleArn() {
        return apiAwsRoleArn;
    }

    public Output<List<String>> apiBlockedPrefixes() {
        return apiBlockedPrefixes;
    }

    public Output<String> apiGcpServiceAccount() {
        return apiGcpServiceAccount;
    }

    public Output<String> apiKey() {
        return apiKey;
    }

    public Output<String> apiProvider() {
        return apiProvider;
    }

    public Output<String> azureAdApplicationId() {
        return azureAdApplicationId;
    }

    public Output<String> azureConsentUrl() {
        return azureConsentUrl;
    }

    public Output<String> azureMultiTenantAppName() {
        return azureMultiTenantAppName;
    }

    public Output<String> azureTenantId() {
        return azureTenantId;
    }

    public Output<String> comment() {
        return comment;
    }

    public Output<String> createdOn() {
        return createdOn;
    }

    public Output<Boolean> enabled() {
        return enabled;
    }

    public Output<String> fullyQualifiedName() {
        return fullyQualifiedName;
    }

    public Output<String> googleAudience() {
        return googleAudience;
    }

    public Output<String> name() {
        return name;
    }
}
