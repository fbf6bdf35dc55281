package com.pulumi.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** A grant on an account object such as a database ({@code objectType} DATABASE). */
public final class GrantPrivilegesToAccountRoleOnAccountObjectArgs extends ResourceArgs {

    public static final GrantPrivilegesToAccountRoleOnAccountObjectArgs Empty =
            new GrantPrivilegesToAccountRoleOnAccountObjectArgs();

    @Import(name = "objectName", required = true)
    private Output<String> objectName;

    @Import(name = "objectType", required = true)
    private Output<String> objectType;

    private GrantPrivilegesToAccountRoleOnAccountObjectArgs() {
    }

    private GrantPrivilegesToAccountRoleOnAccountObjectArgs(GrantPrivilegesToAccountRoleOnAccountObjectArgs other) {
        objectName = other.objectName;
        objectType = other.objectType;
    }

    public Output<String> objectName() {
        return objectName;
    }

    public Output<String> objectType() {
        return objectType;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GrantPrivilegesToAccountRoleOnAccountObjectArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final GrantPrivilegesToAccountRoleOnAccountObjectArgs values;

        public Builder() {
            values = new GrantPrivilegesToAccountRoleOnAccountObjectArgs();
        }

        public Builder(GrantPrivilegesToAccountRoleOnAccountObjectArgs defaults) {
            values = new GrantPrivilegesToAccountRoleOnAccountObjectArgs(Objects.requireNonNull(defaults, "defaults"));
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

        public GrantPrivilegesToAccountRoleOnAccountObjectArgs build() {
            if (values.objectName == null) {
                throw new MissingRequiredPropertyException("GrantPrivilegesToAccountRoleOnAccountObjectArgs",
                        "objectName");
            }
            if (values.objectType == null) {
                throw new MissingRequiredPropertyException("GrantPrivilegesToAccountRoleOnAccountObjectArgs",
                        "objectType");
            }
            return values;
        }
    }
}
