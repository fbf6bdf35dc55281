package dev.sqlscore.infra.config;

/** One argument of an external function's SQL signature, e.g. {@code FEATURES ARRAY}. */
public record FunctionArgument(String name, String type) {
}
