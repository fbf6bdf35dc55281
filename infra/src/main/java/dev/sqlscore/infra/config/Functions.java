package dev.sqlscore.infra.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The stack's external functions, in configuration order, and what follows from them for the AWS side. */
public record Functions(List<FunctionSettings> all) {

    public Functions {
        all = List.copyOf(all);
    }

    /** Every endpoint some function calls, in configuration order: the Lambda may call these and no other. */
    public Set<String> endpointNames() {
        Set<String> names = new LinkedHashSet<>();
        all.forEach(function -> names.add(function.endpointName()));
        return names;
    }

    /** The functions in {@code mode: async}; the stack builds the state bucket and the GET route only for them. */
    public List<FunctionSettings> asyncFunctions() {
        return all.stream().filter(FunctionSettings::isAsync).toList();
    }

    public boolean hasAsyncFunctions() {
        return !asyncFunctions().isEmpty();
    }

    /** The endpoints real-time functions call ({@code sagemaker:InvokeEndpoint}). */
    public Set<String> realTimeEndpointNames() {
        Set<String> names = new LinkedHashSet<>();
        all.stream().filter(function -> !function.isAsync()).forEach(f -> names.add(f.endpointName()));
        return names;
    }

    /** The endpoints asynchronous functions call ({@code sagemaker:InvokeEndpointAsync}). */
    public Set<String> asyncEndpointNames() {
        Set<String> names = new LinkedHashSet<>();
        asyncFunctions().forEach(function -> names.add(function.endpointName()));
        return names;
    }

    /** The endpoints of functions that answer refused rows NULL ({@code onRowError: null}): they report refusals. */
    public Set<String> rowIsolatingEndpointNames() {
        Set<String> names = new LinkedHashSet<>();
        all.stream().filter(FunctionSettings::nullOnRowError).forEach(f -> names.add(f.endpointName()));
        return names;
    }

    /** Every role granted USAGE on some function, in configuration order. */
    public Set<String> grantees() {
        Set<String> roles = new LinkedHashSet<>();
        all.forEach(function -> roles.addAll(function.grantees()));
        return roles;
    }
}
