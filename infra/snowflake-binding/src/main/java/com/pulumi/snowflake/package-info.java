/**
 * A binding of the Snowflake provider 2.17.0 with the public API of the official Java SDK
 * ({@code com.pulumi:snowflake:2.17.0}, which the registry this project builds against does not serve): the same
 * packages, class names, type tokens, property names and method signatures, for the part the program uses.
 * {@code SnowflakeSdkSignatureTest} holds every public member to the official SDK's javap listing, and
 * {@code SnowflakeBindingContractTest} every bound property to the provider's schema.
 *
 * <p>To use the official SDK instead, delete {@code infra/snowflake-binding/} and the binding's build-helper block in
 * {@code infra/pom.xml}, and add the dependency {@code com.pulumi:snowflake:2.17.0} there (the pom shows the exact
 * lines); the program compiles unchanged.
 */
package com.pulumi.snowflake;
