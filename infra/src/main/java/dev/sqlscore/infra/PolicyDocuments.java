package dev.sqlscore.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM and resource policies of the stack, as JSON text. Every principal is a named ARN or service, every
 * action is named; the only wildcards are log-stream suffixes under this stack's own log groups. Jackson writes
 * strings verbatim (an external id ending in {@code =} stays as it is; Gson would write {@code \u003d}).
 */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "2012-10-17";

    private PolicyDocuments() {
    }

    /** Lets exactly Snowflake's IAM user assume the role, and only with this integration's external id. */
    static String snowflakeTrust(String snowflakeIamUserArn, String externalId) {
        return document(statement("Allow", Map.of("AWS", snowflakeIamUserArn), "sts:AssumeRole", null,
                Map.of("StringEquals", Map.of("sts:ExternalId", externalId))));
    }

    /** A trust policy for an AWS service principal such as {@code lambda.amazonaws.com}. */
    static String serviceTrust(String servicePrincipal) {
        return document(statement("Allow", Map.of("Service", servicePrincipal), "sts:AssumeRole", null, null));
    }

    static String allow(List<String> actions, List<String> resources) {
        return document(statement("Allow", null, actions, resources, null));
    }

    /**
     * The REST API's resource policy: only the Snowflake role's {@code snowflake} session may invoke, and for a
     * private API only from Snowflake's VPC.
     */
    static String apiResourcePolicy(String assumedRoleArn, String methodArn, String sourceVpcId) {
        Map<String, Object> condition = sourceVpcId == null ? null
                : Map.of("StringEquals", Map.of("aws:sourceVpc", sourceVpcId));
        return document(statement("Allow", Map.of("AWS", assumedRoleArn), "execute-api:Invoke", methodArn, condition));
    }

    private static Map<String, Object> statement(String effect, Map<String, String> principal, Object action,
                                                 Object resource, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", effect);
        if (principal != null) {
            statement.put("Principal", principal);
        }
        statement.put("Action", action);
        if (resource != null) {
            statement.put("Resource", resource);
        }
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }

    private static String document(Map<String, Object> statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", VERSION);
        document.put("Statement", List.of(statement));
        return json(document);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy document", e);
        }
    }
}
