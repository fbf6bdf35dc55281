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
 * {@code snowflake_grant_privileges_to_account_role}. Deleting it revokes the privileges, whether or not the role
 * held them before the grant was created.
 */
@ResourceType(type = "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole")
public class GrantPrivilegesToAccountRole extends CustomResource {

    @Export(name = "accountRoleName", refs = {String.class}, tree = "[0]")
    private Output<String> accountRoleName;

    @Export(name = "privileges", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> privileges;

    @Export(name = "withGrantOption", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> withGrantOption;

    public GrantPrivilegesToAccountRole(String name) {
        this(name, GrantPrivilegesToAccountRoleArgs.Empty);
    }

    public GrantPrivilegesToAccountRole(String name, GrantPrivilegesToAccountRoleArgs args) {
        this(name, args, null);
    }

    public GrantPrivilegesToAccountRole(String name, GrantPrivilegesToAccountRoleArgs args,
                                        CustomResourceOptions options) {
        super("snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole", name,
                args == null ? GrantPrivilegesToAccountRoleArgs.Empty : args,
                BindingOptions.withDefaults(options, List.of()), false);
    }

    public Output<String> accountRoleName() {
        return accountRoleName;
    }

    public Output<Optional<List<String>>> privileges() {
        return Codegen.optional(privileges);
    }

    public Output<Optional<Boolean>> withGrantOption() {
        return Codegen.optional(withGrantOption);
    }
}
