package com.pulumi.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** One argument of an external function's SQL signature. */
public final class ExternalFunctionArgArgs extends ResourceArgs {

    public static final ExternalFunctionArgArgs Empty = new ExternalFunctionArgArgs();

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "type", required = true)
    private Output<String> type;

    private ExternalFunctionArgArgs() {
    }

    private ExternalFunctionArgArgs(ExternalFunctionArgArgs other) {
        name = other.name;
        type = other.type;
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> type() {
        return type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ExternalFunctionArgArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final ExternalFunctionArgArgs values;

        public Builder() {
            values = new ExternalFunctionArgArgs();
        }

        public Builder(ExternalFunctionArgArgs defaults) {
            values = new ExternalFunctionArgArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder name(Output<String> name) {
            values.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder type(Output<String> type) {
            values.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public ExternalFunctionArgArgs build() {
            if (values.name == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgArgs", "name");
            }
            if (values.type == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgArgs", "type");
            }
            return values;
        }
    }
}
