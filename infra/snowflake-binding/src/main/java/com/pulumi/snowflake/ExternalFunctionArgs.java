package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.snowflake.inputs.ExternalFunctionArgArgs;
import com.pulumi.snowflake.inputs.ExternalFunctionHeaderArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link ExternalFunction}, every one of the schema's. */
public final class ExternalFunctionArgs extends ResourceArgs {

    public static final ExternalFunctionArgs Empty = new ExternalFunctionArgs();

    @Import(name = "apiIntegration", required = true)
    private Output<String> apiIntegration;

    @Import(name = "args")
    private Output<List<ExternalFunctionArgArgs>> args;

    @Import(name = "comment")
    private Output<String> comment;

    @Import(name = "compression")
    private Output<String> compression;

    @Import(name = "contextHeaders")
    private Output<List<String>> contextHeaders;

    @Import(name = "database", required = true)
    private Output<String> database;

    @Import(name = "headers")
    private Output<List<ExternalFunctionHeaderArgs>> headers;

    @Import(name = "maxBatchRows")
    private Output<Integer> maxBatchRows;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "nullInputBehavior")
    private Output<String> nullInputBehavior;

    @Import(name = "requestTranslator")
    private Output<String> requestTranslator;

    @Import(name = "responseTranslator")
    private Output<String> responseTranslator;

    @Import(name = "returnBehavior", required = true)
    private Output<String> returnBehavior;

    @Import(name = "returnNullAllowed")
    private Output<Boolean> returnNullAllowed;

    @Import(name = "returnType", required = true)
    private Output<String> returnType;

    @Import(name = "schema", required = true)
    private Output<String> schema;

    @Import(name = "urlOfProxyAndResource", required = true)
    private Output<String> urlOfProxyAndResource;

    private ExternalFunctionArgs() {
    }

    private ExternalFunctionArgs(ExternalFunctionArgs other) {
        apiIntegration = other.apiIntegration;
        args = other.args;
        comment = other.comment;
        compression = other.compression;
        contextHeaders = other.contextHeaders;
        database = other.database;
        headers = other.headers;
        maxBatchRows = other.maxBatchRows;
        name = other.name;
        nullInputBehavior = other.nullInputBehavior;
        requestTranslator = other.requestTranslator;
        responseTranslator = other.responseTranslator;
        returnBehavior = other.returnBehavior;
        returnNullAllowed = other.returnNullAllowed;
        returnType = other.returnType;
        schema = other.schema;
        urlOfProxyAndResource = other.urlOfProxyAndResource;
    }

    public Output<String> apiIntegration() {
        return apiIntegration;
    }

    public Optional<Output<List<ExternalFunctionArgArgs>>> args() {
        return Optional.ofNullable(args);
    }

    public Optional<Output<String>> comment() {
        return Optional.ofNullable(comment);
    }

    public Optional<Output<String>> compression() {
        return Optional.ofNullable(compression);
    }

    public Optional<Output<List<String>>> contextHeaders() {
        return Optional.ofNullable(contextHeaders);
    }

    public Output<String> database() {
        return database;
    }

    public Optional<Output<List<ExternalFunctionHeaderArgs>>> headers() {
        return Optional.ofNullable(headers);
    }

    public Optional<Output<Integer>> maxBatchRows() {
        return Optional.ofNullable(maxBatchRows);
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Output<String>> nullInputBehavior() {
        return Optional.ofNullable(nullInputBehavior);
    }

    public Optional<Output<String>> requestTranslator() {
        return Optional.ofNullable(requestTranslator);
    }

    public Optional<Output<String>> responseTranslator() {
        return Optional.ofNullable(responseTranslator);
    }

    public Output<String> returnBehavior() {
        return returnBehavior;
    }

    public Optional<Output<Boolean>> returnNullAllowed() {
        return Optional.ofNullable(returnNullAllowed);
    }

    public Output<String> returnType() {
        return returnType;
    }

    public Output<String> schema() {
        return schema;
    }

    public Output<String> urlOfProxyAndResource() {
        return urlOfProxyAndResource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ExternalFunctionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private final ExternalFunctionArgs values;

        public Builder() {
            values = new ExternalFunctionArgs();
        }

        public Builder(ExternalFunctionArgs defaults) {
            values = new ExternalFunctionArgs(Objects.requireNonNull(defaults, "defaults"));
        }

        public Builder apiIntegration(Output<String> apiIntegration) {
            values.apiIntegration = apiIntegration;
            return this;
        }

        public Builder apiIntegration(String apiIntegration) {
            return apiIntegration(Output.of(apiIntegration));
        }

        public Builder args(Output<List<ExternalFunctionArgArgs>> args) {
            values.args = args;
            return this;
        }

        public Builder args(List<ExternalFunctionArgArgs> args) {
            return args(Output.of(args));
        }

        public Builder args(ExternalFunctionArgArgs... args) {
            return args(List.of(args));
        }

        public Builder comment(Output<String> comment) {
            values.comment = comment;
            return this;
        }

        public Builder comment(String comment) {
            return comment(Output.of(comment));
        }

        public Builder compression(Output<String> compression) {
            values.compression = compression;
            return this;
        }

        public Builder compression(String compression) {
            return compression(Output.of(compression));
        }

        public Builder contextHeaders(Output<List<String>> contextHeaders) {
            values.contextHeaders = contextHeaders;
            return this;
        }

        public Builder contextHeaders(List<String> contextHeaders) {
            return contextHeaders(Output.of(contextHeaders));
        }

        public Builder contextHeaders(String... contextHeaders) {
            return contextHeaders(List.of(contextHeaders));
        }

        public Builder database(Output<String> database) {
            values.database = database;
            return this;
        }

        public Builder database(String database) {
            return database(Output.of(database));
        }

        public Builder headers(Output<List<ExternalFunctionHeaderArgs>> headers) {
            values.headers = headers;
            return this;
        }

        public Builder headers(List<ExternalFunctionHeaderArgs> headers) {
            return headers(Output.of(headers));
        }

        public Builder headers(ExternalFunctionHeaderArgs... headers) {
            return headers(List.of(headers));
        }

        public Builder maxBatchRows(Output<Integer> maxBatchRows) {
            values.maxBatchRows = maxBatchRows;
            return this;
        }

        public Builder maxBatchRows(Integer maxBatchRows) {
            return maxBatchRows(Output.of(maxBatchRows));
        }

        public Builder name(Output<String> name) {
            values.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder nullInputBehavior(Output<String> nullInputBehavior) {
            values.nullInputBehavior = nullInputBehavior;
            return this;
        }

        public Builder nullInputBehavior(String nullInputBehavior) {
            return nullInputBehavior(Output.of(nullInputBehavior));
        }

        public Builder requestTranslator(Output<String> requestTranslator) {
            values.requestTranslator = requestTranslator;
            return this;
        }

        public Builder requestTranslator(String requestTranslator) {
            return requestTranslator(Output.of(requestTranslator));
        }

        public Builder responseTranslator(Output<String> responseTranslator) {
            values.responseTranslator = responseTranslator;
            return this;
        }

        public Builder responseTranslator(String responseTranslator) {
            return responseTranslator(Output.of(responseTranslator));
        }

        public Builder returnBehavior(Output<String> returnBehavior) {
            values.returnBehavior = returnBehavior;
            return this;
        }

        public Builder returnBehavior(String returnBehavior) {
            return returnBehavior(Output.of(returnBehavior));
        }

        public Builder returnNullAllowed(Output<Boolean> returnNullAllowed) {
            values.returnNullAllowed = returnNullAllowed;
            return this;
        }

        public Builder returnNullAllowed(Boolean returnNullAllowed) {
            return returnNullAllowed(Output.of(returnNullAllowed));
        }

        public Builder returnType(Output<String> returnType) {
            values.returnType = returnType;
            return this;
        }

        public Builder returnType(String returnType) {
            return returnType(Output.of(returnType));
        }

        public Builder schema(Output<String> schema) {
            values.schema = schema;
            return this;
        }

        public Builder schema(String schema) {
            return schema(Output.of(schema));
        }

        public Builder urlOfProxyAndResource(Output<String> urlOfProxyAndResource) {
            values.urlOfProxyAndResource = urlOfProxyAndResource;
            return this;
        }

        public Builder urlOfProxyAndResource(String urlOfProxyAndResource) {
            return urlOfProxyAndResource(Output.of(urlOfProxyAndResource));
        }

        public ExternalFunctionArgs build() {
            if (values.apiIntegration == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "apiIntegration");
            }
            if (values.database == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "database");
            }
            if (values.returnBehavior == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "returnBehavior");
            }
            if (values.returnType == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "returnType");
            }
            if (values.schema == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "schema");
            }
            if (values.urlOfProxyAndResource == null) {
                throw new MissingRequiredPropertyException("ExternalFunctionArgs", "urlOfProxyAndResource");
            }
            return values;
        }
    }
}
