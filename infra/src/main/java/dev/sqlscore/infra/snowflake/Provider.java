package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;

/** An explicit Snowflake provider ({@code pulumi:providers:snowflake}), as in the official SDK. */
@ResourceType(type = "pulumi:providers:snowflake")
public class Provider extends ProviderResource {

    @Export(name = "organizationName", refs = {String.class}, tree = "[0]")
    private Output<String> organizationName;

    @Export(name = "accountName", refs = {String.class}, tree = "[0]")
    private Output<String> accountName;

    @Export(name = "user", refs = {String.class}, tree = "[0]")
    private Output<String> user;

    @Export(name = "role", refs = {String.class}, tree = "[0]")
    private Output<String> role;

    public Provider(String name, ProviderArgs args) {
        this(name, args, null);
    }

    public Provider(String name, ProviderArgs args, CustomResourceOptions options) {
        super("snowflake", name, args, SnowflakePackage.withVersion(options), false);
    }

    public Output<String> organizationName() {
        return organizationName;
    }

    public Output<String> accountName() {
        return accountName;
    }

    public Output<String> user() {
        return user;
    }

    public Output<String> role() {
        return role;
    }
}
