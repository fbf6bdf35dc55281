package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.sqlscore.infra.snowflake.inputs.ExternalFunctionArgArgs;
import dev.sqlscore.infra.snowflake.inputs.ExternalFunctionHeaderArgs;

import java.util.List;
import java.util.Objects;

/** Inputs of {@link ExternalFunction}, named as in the provider schema. */
public final class ExternalFunctionArgs extends ResourceArgs {

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExternalFunctionArgs args = new ExternalFunctionArgs();

        public Builder apiIntegration(Output<String> apiIntegration) {
            args.apiIntegration = apiIntegration;
            return this;
        }

        public Builder apiIntegration(String apiIntegration) {
            return apiIntegration(Output.of(apiIntegration));
        }

        public Builder args(Output<List<ExternalFunctionArgArgs>> functionArgs) {
            args.args = functionArgs;
            return this;
        }

        public Builder args(List<ExternalFunctionArgArgs> functionArgs) {
            return args(Output.of(functionArgs));
        }

        public Builder args(ExternalFunctionArgArgs... functionArgs) {
            return args(List.of(functionArgs));
        }

        public Builder comment(Output<String> comment) {
            args.comment = comment;
            return this;
        }

        public Builder comment(String comment) {
            return comment(Output.of(comment));
        }

        public Builder compression(Output<String> compression) {
            args.compression = compression;
            return this;
        }

        public Builder compression(String compression) {
            return compression(Output.of(compression));
        }

        public Builder contextHeaders(Output<List<String>> contextHeaders) {
            args.contextHeaders = contextHeaders;
            return this;
        }

        public Builder contextHeaders(String... contextHeaders) {
            return contextHeaders(Output.of(List.of(contextHeaders)));
        }

        public Builder database(Output<String> database) {
            args.database = database;
            return this;
        }

        public Builder database(String database) {
            return database(Output.of(database));
        }

        public Builder headers(Output<List<ExternalFunctionHeaderArgs>> headers) {
            args.headers = headers;
            return this;
        }

        public Builder headers(List<ExternalFunctionHeaderArgs> headers) {
            return headers(Output.of(headers));
        }

        public Builder maxBatchRows(Output<Integer> maxBatchRows) {
            args.maxBatchRows = maxBatchRows;
            return this;
        }

        public Builder maxBatchRows(int maxBatchRows) {
            return maxBatchRows(Output.of(maxBatchRows));
        }

        public Builder name(Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder nullInputBehavior(Output<String> nullInputBehavior) {
            args.nullInputBehavior = nullInputBehavior;
            return this;
        }

        public Builder nullInputBehavior(String nullInputBehavior) {
            return nullInputBehavior(Output.of(nullInputBehavior));
        }

        public Builder requestTranslator(Output<String> requestTranslator) {
            args.requestTranslator = requestTranslator;
            return this;
        }

        public Builder responseTranslator(Output<String> responseTranslator) {
            args.responseTranslator = responseTranslator;
            return this;
        }

        public Builder returnBehavior(Output<String> returnBehavior) {
            args.returnBehavior = returnBehavior;
            return this;
        }

        public Builder returnBehavior(String returnBehavior) {
            return returnBehavior(Output.of(returnBehavior));
        }

        public Builder returnNullAllowed(Output<Boolean> returnNullAllowed) {
            args.returnNullAllowed = returnNullAllowed;
            return this;
        }

        public Builder returnType(Output<String> returnType) {
            args.returnType = returnType;
            return this;
        }

        public Builder returnType(String returnType) {
            return returnType(Output.of(returnType));
        }

        public Builder schema(Output<String> schema) {
            args.schema = schema;
            return this;
        }

        public Builder schema(String schema) {
            return schema(Output.of(schema));
        }

        public Builder urlOfProxyAndResource(Output<String> urlOfProxyAndResource) {
            args.urlOfProxyAndResource = urlOfProxyAndResource;
            return this;
        }

        public Builder urlOfProxyAndResource(String urlOfProxyAndResource) {
            return urlOfProxyAndResource(Output.of(urlOfProxyAndResource));
        }

        public ExternalFunctionArgs build() {
            Objects.requireNonNull(args.apiIntegration, "ExternalFunctionArgs.apiIntegration is required");
            Objects.requireNonNull(args.database, "ExternalFunctionArgs.database is required");
            Objects.requireNonNull(args.returnBehavior, "ExternalFunctionArgs.returnBehavior is required");
            Objects.requireNonNull(args.returnType, "ExternalFunctionArgs.returnType is required");
            Objects.requireNonNull(args.schema, "ExternalFunctionArgs.schema is required");
            Objects.requireNonNull(args.urlOfProxyAndResource,
                    "ExternalFunctionArgs.urlOfProxyAndResource is required");
            return args;
        }
    }
}
