package dev.sqlscore.infra.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * A grant on one schema object. For functions {@code objectName} carries the argument types, e.g.
 * {@code "DB"."SCHEMA"."F"(ARRAY)}. The schema's {@code all}/{@code future} variants are not bound.
 */
public final class GrantPrivilegesToAccountRoleOnSchemaObjectArgs extends ResourceArgs {

    @Import(name = "objectName")
    private Output<String> objectName;

    @Import(name = "objectType")
    private Output<String> objectType;

    private GrantPrivilegesToAccountRoleOnSchemaObjectArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleOnSchemaObjectArgs args =
                new GrantPrivilegesToAccountRoleOnSchemaObjectArgs();

        public Builder objectName(Output<String> objectName) {
            args.objectName = objectName;
            return this;
        }

        public Builder objectName(String objectName) {
            return objectName(Output.of(objectName));
        }

        public Builder objectType(Output<String> objectType) {
            args.objectType = objectType;
            return this;
        }

        public Builder objectType(String objectType) {
            return objectType(Output.of(objectType));
        }

        public GrantPrivilegesToAccountRoleOnSchemaObjectArgs build() {
            return args;
        }
    }
}
