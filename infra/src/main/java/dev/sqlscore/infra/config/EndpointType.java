package dev.sqlscore.infra.config;

/** How the REST API is reachable: from the internet with IAM auth, or only from Snowflake's VPC. */
public enum EndpointType {
    REGIONAL,
    PRIVATE
}
