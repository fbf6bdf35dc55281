package com.pulumi.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** One {@code HEADERS} entry; Snowflake sends it as {@code sf-custom-<name>}. */
public final class ExternalFunctionHeaderArgs extends ResourceArgs {

    public static final ExternalFunctionHeaderArgs Empty = new ExternalFunctionHeaderArgs();

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "value", required = true)
    private Output<String> value;

    private ExternalFunctionHeaderArgs() {
    }

    private ExternalFunctionHeaderArgs(ExternalFunctionHeaderArgs other) {
        name = other.name;
        value = other.value;
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> value() {
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ExternalFunctionHeaderArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final ExternalFunctionHeaderArgs values;

        public Builder() {
            values = new ExternalFunctionHeaderArgs();
        }

        public Builder(ExternalFunctionHeaderArgs defaults) {
            values = new ExternalFunctionHeaderArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder name(Output<String> name) {
            values.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder value(Output<String> value) {
            values.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public ExternalFunctionHeaderArgs build() {
            if (values.name == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionHeaderArgs", "name");
            }
            if (values.value == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionHeaderArgs", "value");
            }
            return values;
        }
    }
}
