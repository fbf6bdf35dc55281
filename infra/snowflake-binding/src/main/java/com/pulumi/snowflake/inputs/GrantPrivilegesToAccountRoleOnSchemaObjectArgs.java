package com.pulumi.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant on one schema object. For a function, {@code objectName} carries the argument types, as the function's
 * {@code fullyQualifiedName} output does: {@code "DB"."SCHEMA"."F"(ARRAY)}. The {@code all}/{@code future} forms are
 * not bound.
 */
public final class GrantPrivilegesToAccountRoleOnSchemaObjectArgs extends ResourceArgs {

    public static final GrantPrivilegesToAccountRoleOnSchemaObjectArgs Empty =
            new GrantPrivilegesToAccountRoleOnSchemaObjectArgs();

    @Import(name = "objectName")
    private Output<String> objectName;

    @Import(name = "objectType")
    private Output<String> objectType;

    private GrantPrivilegesToAccountRoleOnSchemaObjectArgs() {
    }

    private GrantPrivilegesToAccountRoleOnSchemaObjectArgs(GrantPrivilegesToAccountRoleOnSchemaObjectArgs other) {
        objectName = other.objectName;
        objectType = other.objectType;
    }

    public Optional<Output<String>> objectName() {
        return Optional.ofNullable(objectName);
    }

    public Optional<Output<String>> objectType() {
        return Optional.ofNullable(objectType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GrantPrivilegesToAccountRoleOnSchemaObjectArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleOnSchemaObjectArgs values;

        public Builder() {
            values = new GrantPrivilegesToAccountRoleOnSchemaObjectArgs();
        }

        public Builder(GrantPrivilegesToAccountRoleOnSchemaObjectArgs defaults) {
            values = new GrantPrivilegesToAccountRoleOnSchemaObjectArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder objectName(Output<String> objectName) {
            values.objectName = objectName;
            return this;
        }

        public Builder objectName(String objectName) {
            return objectName(Output.of(objectName));
        }

        public Builder objectType(Output<String> objectType) {
            values.objectType = objectType;
            return this;
        }

        public Builder objectType(String objectType) {
            return objectType(Output.of(objectType));
        }

        public GrantPrivilegesToAccountRoleOnSchemaObjectArgs build() {
            return values;
        }
    }
}
