package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.sqlscore.infra.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaObjectArgs;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link GrantPrivilegesToAccountRole}, named as in the provider schema; {@code onAccountObject} and
 * {@code onSchema} are not bound (this program grants on schema objects only).
 */
public final class GrantPrivilegesToAccountRoleArgs extends ResourceArgs {

    @Import(name = "accountRoleName", required = true)
    private Output<String> accountRoleName;

    @Import(name = "allPrivileges")
    private Output<Boolean> allPrivileges;

    @Import(name = "alwaysApply")
    private Output<Boolean> alwaysApply;

    @Import(name = "alwaysApplyTrigger")
    private Output<String> alwaysApplyTrigger;

    @Import(name = "onAccount")
    private Output<Boolean> onAccount;

    @Import(name = "onSchemaObject")
    private Output<GrantPrivilegesToAccountRoleOnSchemaObjectArgs> onSchemaObject;

    @Import(name = "privileges")
    private Output<List<String>> privileges;

    @Import(name = "strictPrivilegeManagement")
    private Output<Boolean> strictPrivilegeManagement;

    @Import(name = "withGrantOption")
    private Output<Boolean> withGrantOption;

    private GrantPrivilegesToAccountRoleArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleArgs args = new GrantPrivilegesToAccountRoleArgs();

        public Builder accountRoleName(Output<String> accountRoleName) {
            args.accountRoleName = accountRoleName;
            return this;
        }

        public Builder accountRoleName(String accountRoleName) {
            return accountRoleName(Output.of(accountRoleName));
        }

        public Builder allPrivileges(Output<Boolean> allPrivileges) {
            args.allPrivileges = allPrivileges;
            return this;
        }

        public Builder alwaysApply(Output<Boolean> alwaysApply) {
            args.alwaysApply = alwaysApply;
            return this;
        }

        public Builder alwaysApplyTrigger(Output<String> alwaysApplyTrigger) {
            args.alwaysApplyTrigger = alwaysApplyTrigger;
            return this;
        }

        public Builder onAccount(Output<Boolean> onAccount) {
            args.onAccount = onAccount;
            return this;
        }

        public Builder onSchemaObject(Output<GrantPrivilegesToAccountRoleOnSchemaObjectArgs> onSchemaObject) {
            args.onSchemaObject = onSchemaObject;
            return this;
        }

        public Builder onSchemaObject(GrantPrivilegesToAccountRoleOnSchemaObjectArgs onSchemaObject) {
            return onSchemaObject(Output.of(onSchemaObject));
        }

        public Builder privileges(Output<List<String>> privileges) {
            args.privileges = privileges;
            return this;
        }

        public Builder privileges(String... privileges) {
            return privileges(Output.of(List.of(privileges)));
        }

        public Builder strictPrivilegeManagement(Output<Boolean> strictPrivilegeManagement) {
            args.strictPrivilegeManagement = strictPrivilegeManagement;
            return this;
        }

        public Builder withGrantOption(Output<Boolean> withGrantOption) {
            args.withGrantOption = withGrantOption;
            return this;
        }

        public Builder withGrantOption(boolean withGrantOption) {
            return withGrantOption(Output.of(withGrantOption));
        }

        public GrantPrivilegesToAccountRoleArgs build() {
            Objects.requireNonNull(args.accountRoleName,
                    "GrantPrivilegesToAccountRoleArgs.accountRoleName is required");
            return args;
        }
    }
}
