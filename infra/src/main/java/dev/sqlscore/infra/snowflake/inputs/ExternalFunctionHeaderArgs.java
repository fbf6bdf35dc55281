package dev.sqlscore.infra.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** One {@code HEADERS = ('name' = 'value')} entry; Snowflake sends it as {@code sf-custom-<name>}. */
public final class ExternalFunctionHeaderArgs extends ResourceArgs {

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "value", required = true)
    private Output<String> value;

    private ExternalFunctionHeaderArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExternalFunctionHeaderArgs args = new ExternalFunctionHeaderArgs();

        public Builder name(Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder value(Output<String> value) {
            args.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public ExternalFunctionHeaderArgs build() {
            Objects.requireNonNull(args.name, "ExternalFunctionHeaderArgs.name is required");
            Objects.requireNonNull(args.value, "ExternalFunctionHeaderArgs.value is required");
            return args;
        }
    }
}
