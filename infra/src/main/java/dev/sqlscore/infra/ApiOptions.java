package dev.sqlscore.infra;

import dev.sqlscore.infra.config.AccessLogging;
import dev.sqlscore.infra.config.EndpointType;

/**
 * The REST API's slice of the component's arguments.
 *
 * @param integrationTimeoutSeconds how long API Gateway waits for the Lambda (29 s, or up to 300 s after a quota
 *                                  increase)
 * @param pollRoute      whether the API also has the GET route asynchronous functions are polled on
 * @param tracing        X-Ray tracing on the stage
 */
record ApiOptions(EndpointType endpointType, int integrationTimeoutSeconds, AccessLogging accessLogging,
                  int logRetentionDays, boolean tracing, boolean pollRoute) {
}
