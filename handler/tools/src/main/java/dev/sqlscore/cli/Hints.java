package dev.sqlscore.cli;

import java.util.Optional;

/** What to tell a user about where SageMaker calls go, and how to fix a handler that cannot start. */
final class Hints {

    private Hints() {
    }

    /** The SDK's endpoint override in force, as the SDK resolves it (system property, then environment). */
    static String sageMakerTarget() {
        return Optional.ofNullable(System.getProperty("aws.endpointUrlSageMakerRuntime"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .orElse("AWS, region and credentials from the SDK's default chains");
    }

    static String forHandlerStart(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("region")) {
            return ". Set AWS_REGION (or a profile's region), e.g. export AWS_REGION=us-east-1";
        }
        return "";
    }
}
