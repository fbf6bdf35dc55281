package dev.sqlscore.scoring;

import dev.sqlscore.errors.ProtocolException;

/** The function names an endpoint this deployment was not set up to call. */
public final class EndpointNotAllowedException extends ProtocolException {

    public static final String CODE = "ENDPOINT_NOT_ALLOWED";

    public EndpointNotAllowedException(String endpointName) {
        super(403, CODE, "Endpoint '" + endpointName + "' is not in this deployment's allow-list of SageMaker "
                + "endpoints (" + ScoringConfig.ENV_ALLOWED_ENDPOINTS + "); add it to the functions config of the "
                + "sqlscore stack and run pulumi up, or point the function's sagemaker-endpoint-name at an allowed "
                + "endpoint");
    }
}
