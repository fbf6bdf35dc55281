package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnAccountObjectArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaArgs;
import com.pulumi.snowflake.inputs.GrantPrivilegesToAccountRoleOnSchemaObjectArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link GrantPrivilegesToAccountRole}: privileges on one account object, schema or schema object. */
public final class GrantPrivilegesToAccountRoleArgs extends ResourceArgs {

    public static final GrantPrivilegesToAccountRoleArgs Empty = new GrantPrivilegesToAccountRoleArgs();

    @Import(name = "accountRoleName", required = true)
    private Output<String> accountRoleName;

    @Import(name = "onAccountObject")
    private Output<GrantPrivilegesToAccountRoleOnAccountObjectArgs> onAccountObject;

    @Import(name = "onSchema")
    private Output<GrantPrivilegesToAccountRoleOnSchemaArgs> onSchema;

    @Import(name = "onSchemaObject")
    private Output<GrantPrivilegesToAccountRoleOnSchemaObjectArgs> onSchemaObject;

    @Import(name = "privileges")
    private Output<List<String>> privileges;

    @Import(name = "withGrantOption")
    private Output<Boolean> withGrantOption;

    private GrantPrivilegesToAccountRoleArgs() {
    }

    private GrantPrivilegesToAccountRoleArgs(GrantPrivilegesToAccountRoleArgs other) {
        accountRoleName = other.accountRoleName;
        onAccountObject = other.onAccountObject;
        onSchema = other.onSchema;
        onSchemaObject = other.onSchemaObject;
        privileges = other.privileges;
        withGrantOption = other.withGrantOption;
    }

    public Output<String> accountRoleName() {
        return accountRoleName;
    }

    public Optional<Output<GrantPrivilegesToAccountRoleOnAccountObjectArgs>> onAccountObject() {
        return Optional.ofNullable(onAccountObject);
    }

    public Optional<Output<GrantPrivilegesToAccountRoleOnSchemaArgs>> onSchema() {
        return Optional.ofNullable(onSchema);
    }

    public Optional<Output<GrantPrivilegesToAccountRoleOnSchemaObjectArgs>> onSchemaObject() {
        return Optional.ofNullable(onSchemaObject);
    }

    public Optional<Output<List<String>>> privileges() {
        return Optional.ofNullable(privileges);
    }

    public Optional<Output<Boolean>> withGrantOption() {
        return Optional.ofNullable(withGrantOption);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GrantPrivilegesToAccountRoleArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleArgs values;

        public Builder() {
            values = new GrantPrivilegesToAccountRoleArgs();
        }

        public Builder(GrantPrivilegesToAccountRoleArgs defaults) {
            values = new GrantPrivilegesToAccountRoleArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder accountRoleName(Output<String> accountRoleName) {
            values.accountRoleName = accountRoleName;
            return this;
        }

        public Builder accountRoleName(String accountRoleName) {
            return accountRoleName(Output.of(accountRoleName));
        }

        public Builder onAccountObject(Output<GrantPrivilegesToAccountRoleOnAccountObjectArgs> onAccountObject) {
            values.onAccountObject = onAccountObject;
            return this;
        }

        public Builder onAccountObject(GrantPrivilegesToAccountRoleOnAccountObjectArgs onAccountObject) {
            return onAccountObject(Output.of(onAccountObject));
        }

        public Builder onSchema(Output<GrantPrivilegesToAccountRoleOnSchemaArgs> onSchema) {
            values.onSchema = onSchema;
            return this;
        }

        public Builder onSchema(GrantPrivilegesToAccountRoleOnSchemaArgs onSchema) {
            return onSchema(Output.of(onSchema));
        }

        public Builder onSchemaObject(Output<GrantPrivilegesToAccountRoleOnSchemaObjectArgs> onSchemaObject) {
            values.onSchemaObject = onSchemaObject;
            return this;
        }

        public Builder onSchemaObject(GrantPrivilegesToAccountRoleOnSchemaObjectArgs onSchemaObject) {
            return onSchemaObject(Output.of(onSchemaObject));
        }

        public Builder privileges(Output<List<String>> privileges) {
            values.privileges = privileges;
            return this;
        }

        public Builder privileges(List<String> privileges) {
            return privileges(Output.of(privileges));
        }

        public Builder privileges(String... privileges) {
            return privileges(List.of(privileges));
        }

        public Builder withGrantOption(Output<Boolean> withGrantOption) {
            values.withGrantOption = withGrantOption;
            return this;
        }

        public Builder withGrantOption(Boolean withGrantOption) {
            return withGrantOption(Output.of(withGrantOption));
        }

        public GrantPrivilegesToAccountRoleArgs build() {
            if (values.accountRoleName == null) {
                throw new MissingRequiredPropertyException("GrantPrivilegesToAccountRoleArgs", "accountRoleName");
            }
            return values;
        }
    }
}
