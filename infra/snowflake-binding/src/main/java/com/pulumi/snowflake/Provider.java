package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import java.util.List;
import java.util.Optional;

/** An explicit Snowflake provider ({@code pulumi:providers:snowflake}). */
@ResourceType(type = "pulumi:providers:snowflake")
public class Provider extends ProviderResource {

    /** Outputs the official SDK registers as secret (the provider's credential settings). */
    private static final List<String> SECRET_OUTPUTS = List.of("oauthAuthorizationUrl", "oauthClientId",
            "oauthClientSecret", "oauthRedirectUri", "oauthTokenRequestUrl", "passcode", "password", "privateKey",
            "privateKeyPassphrase", "proxyPassword", "token");

    @Export(name = "accountName", refs = {String.class}, tree = "[0]")
    private Output<String> accountName;

    @Export(name = "organizationName", refs = {String.class}, tree = "[0]")
    private Output<String> organizationName;

    @Export(name = "role", refs = {String.class}, tree = "[0]")
    private Output<String> role;

    @Export(name = "user", refs = {String.class}, tree = "[0]")
    private Output<String> user;

    public Provider(String name) {
        this(name, ProviderArgs.Empty);
    }

    public Provider(String name, ProviderArgs args) {
        this(name, args, null);
    }

    public Provider(String name, ProviderArgs args, CustomResourceOptions options) {
        super("snowflake", name, args == null ? ProviderArgs.Empty : args,
                BindingOptions.withDefaults(options, SECRET_OUTPUTS), false);
    }

    public Output<Optional<String>> accountName() {
        return Codegen.optional(accountName);
    }

    public Output<Optional<String>> organizationName() {
        return Codegen.optional(organizationName);
    }

    public Output<Optional<String>> role() {
        return Codegen.optional(role);
    }

    public Output<Optional<String>> user() {
        return Codegen.optional(user);
    }
}
