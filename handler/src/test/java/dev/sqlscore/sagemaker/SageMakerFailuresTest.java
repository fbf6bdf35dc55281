package dev.sqlscore.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqlscore.model.ModelInvocationException;
import dev.sqlscore.model.ModelInvocationException.Failure;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * Every failure the SDK reports, as the SDK builds it, classified for Snowflake: the status it acts on and a message
 * that says what to change, quoting SageMaker's own words but never the container's (they can echo rows).
 */
class SageMakerFailuresTest {

    private static final String ROWS = "CANARY-row-data";

    private record Case(SdkException thrown, Failure failure, String said) { }

    private static AwsServiceException service(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).requestId("req-7")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static ModelErrorException modelError(Integer originalStatus) {
        return (ModelErrorException) ModelErrorException.builder().originalStatusCode(originalStatus)
                .originalMessage(ROWS).logStreamArn("arn:aws:logs:eu-west-1:1:log-group:x:log-stream:churn/y")
                .statusCode(424).requestId("req-7").message(ROWS).build();
    }

    private static void classifies(Case expected) {
        ModelInvocationException e = SageMakerFailures.classify(expected.thrown(), "churn", Duration.ofMillis(1_500));
        String what = expected.thrown().getClass().getSimpleName() + ": " + e.getMessage();
        assertEquals(expected.failure(), e.failure(), what);
        assertTrue(e.getMessage().contains(expected.said()), what);
        assertFalse(e.getMessage().contains(ROWS), what);
        assertEquals(expected.thrown(), e.getCause());
    }

    @Test
    void theContainersStatusDecidesAndItsMessageIsNeverQuoted() {
        String where = "log stream arn:aws:logs:eu-west-1:1:log-group:x:log-stream:churn/y, CloudWatch log group "
                + "/aws/sagemaker/Endpoints/churn (AWS request id req-7).";
        List.of(new Case(modelError(429), Failure.THROTTLED, "its container answered HTTP 429"),
                new Case(modelError(400), Failure.MODEL_REJECTED_INPUT, "answered HTTP 400): check that the function"),
                new Case(modelError(499), Failure.MODEL_REJECTED_INPUT, "answered HTTP 499"),
                new Case(modelError(399), Failure.UNAVAILABLE, "answered HTTP 399); Snowflake retries"),
                new Case(modelError(500), Failure.UNAVAILABLE, "answered HTTP 500); Snowflake retries the batch."
                        + " The container's own message is not shown because it can contain row data: read it in "
                        + where),
                new Case(modelError(null), Failure.UNAVAILABLE, "answered HTTP ?)"))
                .forEach(SageMakerFailuresTest::classifies);
    }

    @Test
    void sageMakersOwnRefusalsAreQuotedWithWhatToCheck() {
        List.of(new Case(ValidationErrorException.builder().statusCode(400).requestId("req-7").awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("ValidationError").errorMessage(
                                "Endpoint churn of account 1 not found.").build()).build(), Failure.INVALID_REQUEST,
                        "'churn': Endpoint churn of account 1 not found. Check the function's sagemaker-endpoint-name "
                                + "header, and that the endpoint exists in the function's region. (AWS request id "
                                + "req-7)"),
                new Case(ValidationErrorException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationError").errorMessage("Inference Component Name header is required")
                        .build()).build(), Failure.INVALID_REQUEST,
                        "Inference Component Name header is required Check the function's sagemaker-* headers."),
                new Case(service(403, "AccessDeniedException", "User: arn:aws:sts::1:assumed-role/fn is not "
                        + "authorized"), Failure.ACCESS_DENIED, "(AccessDeniedException: User: arn:aws:sts::1:"
                        + "assumed-role/fn is not authorized). Give the Lambda function's execution role "
                        + "sagemaker:InvokeEndpoint"),
                new Case(service(400, "ExpiredTokenException", "expired"), Failure.ACCESS_DENIED, "ExpiredToken"),
                new Case(service(400, "ThrottlingException", "Rate exceeded"), Failure.THROTTLED,
                        "(ThrottlingException); Snowflake retries the batch more slowly"),
                new Case(service(500, "InternalError", "oops"), Failure.UNAVAILABLE, "(InternalError, HTTP 500)"),
                new Case(service(499, "ClientClosed", "  closed  "), Failure.INVALID_REQUEST,
                        "(ClientClosed, HTTP 499): closed (AWS request id req-7)"),
                new Case(service(413, "PayloadTooLarge", " "), Failure.INVALID_REQUEST, "HTTP 413): no message"),
                new Case(service(400, "Odd", "x".repeat(301)), Failure.INVALID_REQUEST, "x".repeat(300) + "..."),
                new Case(service(400, "Fine", "y".repeat(300)), Failure.INVALID_REQUEST, "y".repeat(300) + " (AWS"),
                new Case(AwsServiceException.builder().statusCode(400).build(), Failure.INVALID_REQUEST,
                        "(no error code, HTTP 400): no message"),
                new Case(ModelNotReadyException.builder().statusCode(429).build(), Failure.UNAVAILABLE,
                        "is not ready yet"),
                new Case(ServiceUnavailableException.builder().statusCode(503).awsErrorDetails(AwsErrorDetails
                        .builder().errorCode("ServiceUnavailable").build()).build(), Failure.UNAVAILABLE,
                        "(ServiceUnavailable, HTTP 503); Snowflake retries"))
                .forEach(SageMakerFailuresTest::classifies);
    }

    @Test
    void whatFailsBeforeAnAnswerSaysWhere() {
        List.of(new Case(ApiCallTimeoutException.create(1_500), Failure.TIMED_OUT,
                        "did not answer within the 1500 ms left for this batch"),
                new Case(SdkClientException.create("Unable to load credentials from any of the providers"),
                        Failure.ACCESS_DENIED, "found no AWS credentials"),
                new Case(SdkClientException.create("Unable to execute HTTP request", new IllegalStateException(
                        "wrapped", new ConnectException("refused"))), Failure.UNAVAILABLE,
                        "(ConnectException; the SDK tried up to " + SageMakerModelInvoker.MAX_ATTEMPTS + " times)"),
                new Case(SdkClientException.create("Unable to marshall request"), Failure.UNAVAILABLE,
                        "failed in the AWS SDK (SdkClientException)"))
                .forEach(SageMakerFailuresTest::classifies);
    }

    /**
     * Against a model server of its own (serve, demo, tests: the SDK's endpoint override) the container's message is
     * in that server's output, not in CloudWatch. The override is read as the SDK reads it: the service's own
     * property first, then the general one; a blank one is none.
     */
    @Test
    void aModelServerOfOurOwnIsWhereTheContainersMessageIs() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME") == null
                && System.getenv("AWS_ENDPOINT_URL") == null, "an endpoint override in the environment");
        String service = System.getProperty("aws.endpointUrlSageMakerRuntime");
        String general = System.getProperty("aws.endpointUrl");
        try {
            System.clearProperty("aws.endpointUrlSageMakerRuntime");
            System.setProperty("aws.endpointUrl", "http://127.0.0.1:9001");
            assertEquals(Optional.of("http://127.0.0.1:9001"), SageMakerModelInvoker.endpointOverride());
            System.setProperty("aws.endpointUrlSageMakerRuntime", "http://127.0.0.1:9002");
            assertEquals(Optional.of("http://127.0.0.1:9002"), SageMakerModelInvoker.endpointOverride());
            classifies(new Case(modelError(500), Failure.UNAVAILABLE, "read it in the output of the model server at "
                    + "http://127.0.0.1:9002 (for ./sqlscore serve --demo-model and demo: their standard error) (AWS "
                    + "request id req-7)."));
            System.setProperty("aws.endpointUrlSageMakerRuntime", " ");
            System.clearProperty("aws.endpointUrl");
            assertEquals(Optional.empty(), SageMakerModelInvoker.endpointOverride());
        } finally {
            restore("aws.endpointUrlSageMakerRuntime", service);
            restore("aws.endpointUrl", general);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
