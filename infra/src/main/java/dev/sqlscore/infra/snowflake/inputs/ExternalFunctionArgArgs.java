package dev.sqlscore.infra.snowflake.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** One argument of an external function's signature: name and SQL type. */
public final class ExternalFunctionArgArgs extends ResourceArgs {

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "type", required = true)
    private Output<String> type;

    private ExternalFunctionArgArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExternalFunctionArgArgs args = new ExternalFunctionArgArgs();

        public Builder name(Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder type(Output<String> type) {
            args.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public ExternalFunctionArgArgs build() {
            Objects.requireNonNull(args.name, "ExternalFunctionArgArgs.name is required");
            Objects.requireNonNull(args.type, "ExternalFunctionArgArgs.type is required");
            return args;
        }
    }
}
