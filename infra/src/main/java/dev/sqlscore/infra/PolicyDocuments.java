package dev.sqlscore.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The IAM and resource policies of the stack, as JSON text. Every principal an Allow names is a named ARN or
 * service, every action is named; the only wildcards are log-stream suffixes under this stack's own log groups and
 * object keys under the S3 prefixes asynchronous functions use. The one Deny is the state bucket's TLS-only rule,
 * which names every principal because it must stop every one. Jackson writes
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

    /** Allows each group of actions on its own resources, in one document. */
    static String allowEach(List<List<String>> actionGroups, List<List<String>> resourceGroups) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = 0; i < actionGroups.size(); i++) {
            if (!resourceGroups.get(i).isEmpty()) {
                statements.add(statement("Allow", null, actionGroups.get(i), resourceGroups.get(i), null));
            }
        }
        return document(statements);
    }

    /**
     * The state bucket's policy: no request without TLS, from anyone; and the endpoints' execution roles (when
     * given) may read the payloads, which SageMaker reads with those roles.
     */
    static String tlsOnlyBucket(String bucketArn, String payloadsArn, List<String> readerRoleArns) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(statement("Deny", Map.of("AWS", "*"), "s3:*", List.of(bucketArn, bucketArn + "/*"),
                Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        for (String role : readerRoleArns) {
            statements.add(statement("Allow", Map.of("AWS", role), "s3:GetObject", payloadsArn, null));
        }
        return document(statements);
    }

    /**
     * The REST API's resource policy: only the Snowflake role's {@code snowflake} session may invoke, and for a
     * private API only from Snowflake's VPCs (any of them; none for a REGIONAL API).
     */
    static String apiResourcePolicy(String assumedRoleArn, List<String> methodArns, List<String> sourceVpcIds) {
        Map<String, Object> condition = sourceVpcIds.isEmpty() ? null : Map.of("StringEquals",
                Map.of("aws:sourceVpc", sourceVpcIds.size() == 1 ? sourceVpcIds.get(0) : sourceVpcIds));
        return document(statement("Allow", Map.of("AWS", assumedRoleArn), "execute-api:Invoke",
                methodArns.size() == 1 ? methodArns.get(0) : methodArns, condition));
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
        return document(List.of(statement));
    }

    private static String document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", VERSION);
        document.put("Statement", statements);
        return json(document);
    }

    /**
     * The stack's JSON text (policies, the dashboard, the access log format), the same bytes in every JVM: Pulumi
     * compares inputs as registered, so text that changed between runs would preview a change of an unchanged stack.
     * Maps that keep an order ({@link LinkedHashMap}, {@link SortedMap}) are written in it; any other map
     * ({@code Map.of}, whose iteration order is salted per JVM, or a {@code HashMap}) sorted by key.
     */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(inStableOrder(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy document", e);
        }
    }

    private static Object inStableOrder(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((key, item) -> ordered.put(String.valueOf(key), inStableOrder(item)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PolicyDocuments::inStableOrder).toList();
        }
        return value;
    }
}
