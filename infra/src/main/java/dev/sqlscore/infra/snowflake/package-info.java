/**
 * A typed binding of the Snowflake provider 2.17.0 ({@code com.pulumi:snowflake} is not served here), shaped like
 * the official Java SDK: same type tokens, property names, class names and builders, with {@code inputs} for nested
 * argument types. {@code src/main/resources/com/pulumi/snowflake/plugin.json} lets the Java host install the plugin;
 * every resource also registers with {@link dev.sqlscore.infra.snowflake.SnowflakePackage#VERSION}.
 *
 * <p>Moving to {@code com.pulumi:snowflake:2.17.0}: add the dependency, replace the imports
 * {@code dev.sqlscore.infra.snowflake} with {@code com.pulumi.snowflake}, use the feature names of
 * {@code SnowflakePackage} as plain strings, and delete this package and the {@code plugin.json}.
 */
package dev.sqlscore.infra.snowflake;
