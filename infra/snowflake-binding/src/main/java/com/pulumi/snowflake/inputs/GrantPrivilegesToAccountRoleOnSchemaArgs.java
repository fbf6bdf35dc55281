package com.pulumi.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant on a schema, named fully qualified: {@code "DB"."SCHEMA"}. The all- and future-schemas forms are not bound.
 */
public final class GrantPrivilegesToAccountRoleOnSchemaArgs extends ResourceArgs {

    public static final GrantPrivilegesToAccountRoleOnSchemaArgs Empty = new GrantPrivilegesToAccountRoleOnSchemaArgs();

    @Import(name = "schemaName")
    private Output<String> schemaName;

    private GrantPrivilegesToAccountRoleOnSchemaArgs() {
    }

    private GrantPrivilegesToAccountRoleOnSchemaArgs(GrantPrivilegesToAccountRoleOnSchemaArgs other) {
        schemaName = other.schemaName;
    }

    public Optional<Output<String>> schemaName() {
        return Optional.ofNullable(schemaName);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GrantPrivilegesToAccountRoleOnSchemaArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleOnSchemaArgs values;

        public Builder() {
            values = new GrantPrivilegesToAccountRoleOnSchemaArgs();
        }

        public Builder(GrantPrivilegesToAccountRoleOnSchemaArgs defaults) {
            values = new GrantPrivilegesToAccountRoleOnSchemaArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder schemaName(Output<String> schemaName) {
            values.schemaName = schemaName;
            return this;
        }

        public Builder schemaName(String schemaName) {
            return schemaName(Output.of(schemaName));
        }

        public GrantPrivilegesToAccountRoleOnSchemaArgs build() {
            return values;
        }
    }
}
