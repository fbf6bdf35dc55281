/**
 * The sqlscore Pulumi program. {@link dev.sqlscore.infra.App} reads the stack configuration and instantiates
 * {@link dev.sqlscore.infra.SnowflakeSageMakerFunctions}, the component that builds the Lambda
 * ({@code ScoringLambda}), the REST API ({@code ScoringApi}, {@code AccessLogs}), the IAM trust loop with Snowflake
 * ({@code SnowflakeTrust}) and the external functions with their grants ({@code SnowflakeFunctions}).
 */
package dev.sqlscore.infra;
