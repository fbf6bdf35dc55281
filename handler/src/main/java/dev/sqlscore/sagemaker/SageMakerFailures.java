package dev.sqlscore.sagemaker;

import dev.sqlscore.model.ModelInvocationException.Failure;
import dev.sqlscore.model.ModelInvocationException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalDependencyException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * Turns what the SDK throws into a {@link ModelInvocationException} a SQL user can act on.
 *
 * <p>Error shapes and HTTP statuses, from the SDK's own service model (2.40.2): {@code ModelError} 424 (carries
 * the container's {@code OriginalStatusCode}, {@code OriginalMessage} and {@code LogStreamArn}),
 * {@code ValidationError} 400, {@code ModelNotReadyException} 429, {@code ServiceUnavailable} 503,
 * {@code InternalFailure} 500, {@code InternalDependencyException} 530. {@code ThrottlingException} (400) and
 * the IAM/signature errors are not modelled: they arrive as plain {@link AwsServiceException}s with that code.
 *
 * <p>The container's message ({@code OriginalMessage}) is never quoted: a model's error text can echo its input
 * rows. SageMaker's own messages (validation, access) are about names and permissions, and are quoted.
 */
final class SageMakerFailures {

    /** Codes AWS uses when the caller's identity or signature is refused. */
    private static final Set<String> ACCESS_CODES = Set.of("AccessDeniedException", "AccessDenied",
            "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
            "SignatureDoesNotMatch", "NotAuthorized", "RequestExpired");
    private static final int MAX_QUOTED_CHARS = 300;

    private SageMakerFailures() {
    }

    static ModelInvocationException classify(SdkException e, String endpoint, Duration timeout) {
        if (e instanceof ModelErrorException modelError) {
            return modelError(modelError, endpoint);
        }
        if (e instanceof ModelNotReadyException) {
            return new ModelInvocationException(Failure.UNAVAILABLE, "The model behind SageMaker endpoint '" + endpoint
                    + "' is not ready yet (ModelNotReadyException: still loading or scaling); Snowflake retries the "
                    + "batch" + requestId(e), e);
        }
        if (e instanceof ServiceUnavailableException || e instanceof InternalFailureException
                || e instanceof InternalDependencyException) {
            return new ModelInvocationException(Failure.UNAVAILABLE, "SageMaker could not serve endpoint '" + endpoint
                    + "' (" + errorCode((AwsServiceException) e) + ", HTTP " + ((AwsServiceException) e).statusCode()
                    + "); Snowflake retries the batch" + requestId(e), e);
        }
        if (e instanceof ValidationErrorException validation) {
            return invalidRequest(validation, endpoint);
        }
        if (e instanceof AwsServiceException service) {
            return serviceError(service, endpoint);
        }
        // The call's own timeout (or the scorer's interrupt at the deadline). A socket timeout is not one: the
        // socket's limit is above any call timeout, so it only fires on connecting, an unreachable service.
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException) {
            return outOfTime(endpoint, timeout, e);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials")) {
            return new ModelInvocationException(Failure.ACCESS_DENIED, "The function found no AWS credentials to call "
                    + "SageMaker endpoint '" + endpoint + "': on Lambda they come from the function's execution "
                    + "role; locally, configure a profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", e);
        }
        if (hasCause(e, IOException.class)) {
            return new ModelInvocationException(Failure.UNAVAILABLE, "The connection to SageMaker failed while "
                    + "calling endpoint '" + endpoint + "' (" + rootCause(e).getClass().getSimpleName()
                    + "; the SDK tried up to " + SageMakerModelInvoker.MAX_ATTEMPTS
                    + " times); Snowflake retries the batch", e);
        }
        return new ModelInvocationException(Failure.UNAVAILABLE, "Calling SageMaker endpoint '" + endpoint
                + "' failed in the AWS SDK (" + e.getClass().getSimpleName() + "); Snowflake retries the batch", e);
    }

    static ModelInvocationException outOfTime(String endpoint, Duration timeout, Throwable cause) {
        return new ModelInvocationException(Failure.TIMED_OUT, "SageMaker endpoint '" + endpoint + "' did not answer "
                + "within the " + timeout.toMillis() + " ms left for this batch", cause);
    }

    private static ModelInvocationException modelError(ModelErrorException e, String endpoint) {
        Integer original = e.originalStatusCode();
        String where = " The container's own message is not shown because it can contain row data: read it in "
                + SageMakerModelInvoker.endpointOverride().map(url -> "the output of the model server at " + url
                        + " (for ./sqlscore serve --demo-model and demo: their standard error)" + requestId(e) + ".")
                .orElseGet(() -> (e.logStreamArn() == null ? "" : "log stream " + e.logStreamArn() + ", ")
                        + "CloudWatch log group /aws/sagemaker/Endpoints/" + endpoint + requestId(e) + ".");
        if (original != null && original == 429) {
            return new ModelInvocationException(Failure.THROTTLED, "The model behind SageMaker endpoint '" + endpoint
                    + "' throttled the request (its container answered HTTP 429); Snowflake retries the batch more "
                    + "slowly." + where, e);
        }
        if (original != null && original >= 400 && original < 500) {
            return new ModelInvocationException(Failure.MODEL_REJECTED_INPUT, "The model behind SageMaker endpoint '"
                    + endpoint + "' rejected the input (its container answered HTTP " + original + "): check that the "
                    + "function's arguments are what the model expects, and its sagemaker-content-type and "
                    + "sagemaker-accept headers." + where, e);
        }
        return new ModelInvocationException(Failure.UNAVAILABLE, "The model behind SageMaker endpoint '" + endpoint
                + "' failed (its container answered HTTP " + (original == null ? "?" : original) + "); Snowflake "
                + "retries the batch." + where, e);
    }

    private static ModelInvocationException invalidRequest(ValidationErrorException e, String endpoint) {
        String message = quoted(e);
        String advice = message.contains("not found")
                ? " Check the function's sagemaker-endpoint-name header, and that the endpoint exists in the "
                + "function's region."
                : " Check the function's sagemaker-* headers.";
        return new ModelInvocationException(Failure.INVALID_REQUEST, "SageMaker refused the request for endpoint '"
                + endpoint + "': " + message + advice + requestId(e), e);
    }

    private static ModelInvocationException serviceError(AwsServiceException e, String endpoint) {
        String code = errorCode(e);
        if (e.statusCode() == 403 || ACCESS_CODES.contains(code)) {
            return new ModelInvocationException(Failure.ACCESS_DENIED, "SageMaker refused the function's AWS identity "
                    + "for endpoint '" + endpoint + "' (" + code + ": " + quoted(e) + "). Give the Lambda function's "
                    + "execution role sagemaker:InvokeEndpoint on this endpoint, and check its credentials have not "
                    + "expired" + requestId(e), e);
        }
        if (e.isThrottlingException()) {
            return new ModelInvocationException(Failure.THROTTLED, "SageMaker throttled calls to endpoint '" + endpoint
                    + "' (" + code + "); Snowflake retries the batch more slowly. If this persists, raise the "
                    + "endpoint's capacity or lower SQLSCORE_MAX_CONCURRENT_REQUESTS" + requestId(e), e);
        }
        if (e.statusCode() >= 500) {
            return new ModelInvocationException(Failure.UNAVAILABLE, "SageMaker failed for endpoint '" + endpoint
                    + "' (" + code + ", HTTP " + e.statusCode() + "); Snowflake retries the batch" + requestId(e), e);
        }
        return new ModelInvocationException(Failure.INVALID_REQUEST, "SageMaker refused the request for endpoint '"
                + endpoint + "' (" + code + ", HTTP " + e.statusCode() + "): " + quoted(e) + requestId(e), e);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "no error code" : e.awsErrorDetails().errorCode();
    }

    private static String quoted(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isBlank()) {
            return "no message";
        }
        return message.length() > MAX_QUOTED_CHARS ? message.substring(0, MAX_QUOTED_CHARS) + "..." : message.strip();
    }

    private static String requestId(SdkException e) {
        return e instanceof AwsServiceException service && service.requestId() != null
                ? " (AWS request id " + service.requestId() + ")" : "";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
