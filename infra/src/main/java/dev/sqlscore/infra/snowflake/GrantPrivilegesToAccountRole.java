package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * {@code snowflake_grant_privileges_to_account_role}. Only the scalar outputs are bound; the {@code on*} object
 * outputs echo inputs this program sets.
 */
@ResourceType(type = "snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole")
public class GrantPrivilegesToAccountRole extends CustomResource {

    @Export(name = "accountRoleName", refs = {String.class}, tree = "[0]")
    private Output<String> accountRoleName;

    @Export(name = "allPrivileges", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> allPrivileges;

    @Export(name = "alwaysApply", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> alwaysApply;

    @Export(name = "alwaysApplyTrigger", refs = {String.class}, tree = "[0]")
    private Output<String> alwaysApplyTrigger;

    @Export(name = "onAccount", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> onAccount;

    @Export(name = "privileges", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> privileges;

    @Export(name = "strictPrivilegeManagement", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> strictPrivilegeManagement;

    @Export(name = "withGrantOption", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> withGrantOption;

    public GrantPrivilegesToAccountRole(String name, GrantPrivilegesToAccountRoleArgs args) {
        this(name, args, null);
    }

    public GrantPrivilegesToAccountRole(String name, GrantPrivilegesToAccountRoleArgs args,
                                        CustomResourceOptions options) {
        super("snowflake:index/grantPrivilegesToAccountRole:GrantPrivilegesToAccountRole", name, args,
                SnowflakePackage.withVersion(options), false);
    }

    public Output<String> accountRoleName() {
        return accountRoleName;
    }

    public Output<Boolean> allPrivileges() {
        return allPrivileges;
    }

    public Output<Boolean> alwaysApply() {
        return alwaysApply;
    }

    public Output<String> alwaysApplyTrigger() {
        return alwaysApplyTrigger;
    }

    public Output<Boolean> onAccount() {
        return onAccount;
    }

    public Output<List<String>> privileges() {
        return privileges;
    }

    public Output<Boolean> strictPrivilegeManagement() {
        return strictPrivilegeManagement;
    }

    public Output<Boolean> withGrantOption() {
        return withGrantOption;
    }
}
