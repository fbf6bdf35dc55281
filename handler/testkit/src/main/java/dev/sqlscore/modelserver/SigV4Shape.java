package dev.sqlscore.modelserver;

import dev.sqlscore.snowflake.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a request carries a well-formed SigV4 signature for SageMaker, and refuses it the way AWS does
 * (HTTP 403, {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException} or
 * {@code InvalidSignatureException}). It checks the shape, not the signature's value: the local server holds no
 * secret keys, and that the AWS SDK computes signatures correctly is the SDK's business.
 */
final class SigV4Shape {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "sagemaker";
    private static final String TERMINATOR = "aws4_request";
    private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    private SigV4Shape() {
    }

    static Optional<Reply.ServiceError> refusal(HttpHeaders headers) {
        Optional<String> authorization = headers.first("Authorization");
        if (authorization.isEmpty()) {
            return refuse("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        String value = authorization.get().strip();
        if (!value.startsWith(ALGORITHM + " ")) {
            return incomplete("Authorization header requires the '" + ALGORITHM + "' algorithm.");
        }
        Map<String, String> parameters = parameters(value.substring(ALGORITHM.length() + 1));
        StringBuilder missing = new StringBuilder();
        for (String name : new String[] {"Credential", "Signature", "SignedHeaders"}) {
            if (!parameters.containsKey(name)) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        Optional<String> date = headers.first("X-Amz-Date");
        if (date.isEmpty()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            return incomplete(missing.toString().strip());
        }
        if (!AMZ_DATE.matcher(date.get()).matches()) {
            return incomplete("X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        String[] scope = parameters.get("Credential").split("/", -1);
        if (scope.length != 5) {
            return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term.");
        }
        if (!SERVICE.equals(scope[3])) {
            return invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!TERMINATOR.equals(scope[4])) {
            return invalid("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '"
                    + scope[4] + "'. ");
        }
        if (!date.get().startsWith(scope[1])) {
            return invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + scope[1] + "' != '" + date.get().substring(0, 8) + "'.");
        }
        if (!List.of(parameters.get("SignedHeaders").split(";")).contains("host")
                || !SIGNATURE.matcher(parameters.get("Signature")).matches()) {
            return invalid("The request signature we calculated does not match the signature you provided.");
        }
        return Optional.empty();
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parameters.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        return parameters;
    }

    private static Optional<Reply.ServiceError> incomplete(String message) {
        return refuse("IncompleteSignatureException", message);
    }

    private static Optional<Reply.ServiceError> invalid(String message) {
        return refuse("InvalidSignatureException", message);
    }

    private static Optional<Reply.ServiceError> refuse(String errorType, String message) {
        return Optional.of(new Reply.ServiceError(403, errorType, message));
    }
}
