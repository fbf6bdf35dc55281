package dev.sqlscore.infra.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * {@code snowflake_external_function}. A preview resource: the provider must list
 * {@link SnowflakePackage#PREVIEW_EXTERNAL_FUNCTION}. The {@code args} and {@code headers} outputs (object lists in
 * the schema) are not bound: nothing here reads them back, and their inputs are what this program sets.
 */
@ResourceType(type = "snowflake:index/externalFunction:ExternalFunction")
public class ExternalFunction extends CustomResource {

    @Export(name = "apiIntegration", refs = {String.class}, tree = "[0]")
    private Output<String> apiIntegration;

    @Export(name = "comment", refs = {String.class}, tree = "[0]")
    private Output<String> comment;

    @Export(name = "compression", refs = {String.class}, tree = "[0]")
    private Output<String> compression;

    @Export(name = "contextHeaders", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> contextHeaders;

    @Export(name = "createdOn", refs = {String.class}, tree = "[0]")
    private Output<String> createdOn;

    @Export(name = "database", refs = {String.class}, tree = "[0]")
    private Output<String> database;

    @Export(name = "fullyQualifiedName", refs = {String.class}, tree = "[0]")
    private Output<String> fullyQualifiedName;

    @Export(name = "maxBatchRows", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> maxBatchRows;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "nullInputBehavior", refs = {String.class}, tree = "[0]")
    private Output<String> nullInputBehavior;

    @Export(name = "requestTranslator", refs = {String.class}, tree = "[0]")
    private Output<String> requestTranslator;

    @Export(name = "responseTranslator", refs = {String.class}, tree = "[0]")
    private Output<String> responseTranslator;

    @Export(name = "returnBehavior", refs = {String.class}, tree = "[0]")
    private Output<String> returnBehavior;

    @Export(name = "returnNullAllowed", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> returnNullAllowed;

    @Export(name = "returnType", refs = {String.class}, tree = "[0]")
    private Output<String> returnType;

    @Export(name = "schema", refs = {String.class}, tree = "[0]")
    private Output<String> schema;

    @Export(name = "urlOfProxyAndResource", refs = {String.class}, tree = "[0]")
    private Output<String> urlOfProxyAndResource;

    public ExternalFunction(String name, ExternalFunctionArgs args) {
        this(name, args, null);
    }

    public ExternalFunction(String name, ExternalFunctionArgs args, CustomResourceOptions options) {
        super("snowflake:index/externalFunction:ExternalFunction", name, args, SnowflakePackage.withVersion(options),
                false);
    }

    public Output<String> apiIntegration() {
        return apiIntegration;
    }

    public Output<String> comment() {
        return comment;
    }

    public Output<String> compression() {
        return compression;
    }

    public Output<List<String>> contextHeaders() {
        return contextHeaders;
    }

    public Output<String> createdOn() {
        return createdOn;
    }

    public Output<String> database() {
        return database;
    }

    public Output<String> fullyQualifiedName() {
        return fullyQualifiedName;
    }

    public Output<Integer> maxBatchRows() {
        return maxBatchRows;
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> nullInputBehavior() {
        return nullInputBehavior;
    }

    public Output<String> requestTranslator() {
        return requestTranslator;
    }

    public Output<String> responseTranslator() {
        return responseTranslator;
    }

    public Output<String> returnBehavior() {
        return returnBehavior;
    }

    public Output<Boolean> returnNullAllowed() {
        return returnNullAllowed;
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
}
