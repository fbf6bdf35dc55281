package dev.sqlscore.modelserver;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What the local model server sends back for one invocation: the container's answer, or a SageMaker error. */
public sealed interface Reply {

    /**
     * The container's answer. A status other than 2xx reaches the client the way SageMaker relays it: as a
     * {@code ModelError} (HTTP 424) carrying {@code OriginalStatusCode} and {@code OriginalMessage}.
     */
    record ContainerAnswer(int status, String contentType, byte[] body) implements Reply {
        public ContainerAnswer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        boolean successful() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "ContainerAnswer[status=" + status + ", contentType=" + contentType + ", bodyBytes=" + body.length
                    + "]";
        }
    }

    /**
     * An error raised by SageMaker itself, sent as the real service sends it: the status, the
     * {@code X-Amzn-ErrorType} header and a JSON body {@code {"message": ...}}; the SDK turns it into the typed
     * exception for {@code errorType}.
     */
    record ServiceError(int httpStatus, String errorType, String message) implements Reply {
        public ServiceError {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(message, "message");
        }
    }

    static Reply answer(String contentType, String body) {
        return new ContainerAnswer(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A container that answered with an error status: relayed as {@code ModelError}. */
    static Reply containerError(int status, String message) {
        return new ContainerAnswer(status, "text/plain", message.getBytes(StandardCharsets.UTF_8));
    }

    static ServiceError throttling() {
        return new ServiceError(400, "ThrottlingException", "Rate exceeded");
    }

    static ServiceError modelNotReady() {
        return new ServiceError(429, "ModelNotReadyException", "Model is not ready to serve requests yet");
    }

    static ServiceError serviceUnavailable() {
        return new ServiceError(503, "ServiceUnavailable", "Service is unavailable, please try again");
    }

    static ServiceError internalFailure() {
        return new ServiceError(500, "InternalFailure", "An internal failure occurred");
    }

    static ServiceError validationError(String message) {
        return new ServiceError(400, "ValidationError", message);
    }

    static ServiceError accessDenied(String message) {
        return new ServiceError(403, "AccessDeniedException", message);
    }

    static ServiceError expiredToken() {
        return new ServiceError(403, "ExpiredTokenException", "The security token included in the request is expired");
    }
}
