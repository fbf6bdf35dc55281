package com.pulumi.snowflake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Optional;

/**
 * {@code snowflake_external_function}. A preview resource: the provider must enable
 * {@code snowflake_external_function_resource}. Every input but {@code comment} forces a replacement (the provider
 * alters only the comment). The {@code args} and {@code headers} outputs, object lists, are not bound.
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

    /** {@code "DB"."SCHEMA"."NAME"(TYPE, ...)}: the name grants must use, argument types included. */
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

    public ExternalFunction(String name) {
        this(name, ExternalFunctionArgs.Empty);
    }

    public ExternalFunction(String name, ExternalFunctionArgs args) {
        this(name, args, null);
    }

    public ExternalFunction(String name, ExternalFunctionArgs args, CustomResourceOptions options) {
        super("snowflake:index/externalFunction:ExternalFunction", name,
                args == null ? ExternalFunctionArgs.Empty : args, BindingOptions.withDefaults(options, List.of()),
                false);
    }

    public Output<String> apiIntegration() {
        return apiIntegration;
    }

    public Output<Optional<String>> comment() {
        return Codegen.optional(comment);
    }

    public Output<Optional<String>> compression() {
        return Codegen.optional(compression);
    }

    public Output<Optional<List<String>>> contextHeaders() {
        return Codegen.optional(contextHeaders);
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

    public Output<Optional<Integer>> maxBatchRows() {
        return Codegen.optional(maxBatchRows);
    }

    public Output<String> name() {
        return name;
    }

    public Output<Optional<String>> nullInputBehavior() {
        return Codegen.optional(nullInputBehavior);
    }

    public Output<Optional<String>> requestTranslator() {
        return Codegen.optional(requestTranslator);
    }

    public Output<Optional<String>> responseTranslator() {
        return Codegen.optional(responseTranslator);
    }

    public Output<String> returnBehavior() {
        return returnBehavior;
    }

    public Output<Optional<Boolean>> returnNullAllowed() {
        return Codegen.optional(returnNullAllowed);
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
