package dev.sqlscore.cli;

import dev.sqlscore.sagemaker.SageMakerModelInvoker;
import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;

/** What to tell a user about where SageMaker calls go, and how to fix a handler that cannot start. */
final class Hints {

    private Hints() {
    }

    /** The SDK's endpoint override in force, as the SDK resolves it (system property, then environment). */
    static String sageMakerTarget() {
        return SageMakerModelInvoker.endpointOverride()
                .orElse("AWS, region and credentials from the SDK's default chains");
    }

    /** Why the handler could not start, in words a user can act on (never the SDK's provider chain dump). */
    static String forHandlerStart(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load region")) {
            return "no AWS region is set. Set AWS_REGION (or a profile's region), e.g. export AWS_REGION=us-east-1, "
                    + "or run offline with --demo-model";
        }
        return message;
    }

    /** Why a server could not listen, and what to change. */
    static String forBind(String address, int port, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Cannot assign requested address")
                || e.getCause() instanceof UnresolvedAddressException) {
            return "--bind " + address + " is not an address of this machine; use 127.0.0.1 (this machine only) or "
                    + "0.0.0.0 (every interface)";
        }
        if (message.contains("Address already in use")) {
            return "port " + port + " is already in use; pick another --port, or --port 0 for a free one";
        }
        return message;
    }
}
