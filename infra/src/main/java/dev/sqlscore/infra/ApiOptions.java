package dev.sqlscore.infra;

import dev.sqlscore.infra.config.AccessLogging;
import dev.sqlscore.infra.config.EndpointType;

/**
 * The REST API's slice of the component's arguments.
 *
 * @param snowflakeVpcId the only VPC a PRIVATE API admits; {@code null} for REGIONAL
 * @param pollRoute      whether the API also has the GET route asynchronous functions are polled on
 * @param tracing        X-Ray tracing on the stage
 */
record ApiOptions(EndpointType endpointType, String snowflakeVpcId, AccessLogging accessLogging,
                  int logRetentionDays, boolean tracing, boolean pollRoute) {
}
