package dev.sqlscore.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import dev.sqlscore.fakecloud.FakeCloud;
import dev.sqlscore.infra.config.AsyncSettings;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every permission the stack grants, found wherever it is (policy documents in any input of any resource,
 * managed-policy attachments, Lambda resource permissions), checked against what the README documents: named
 * principals and actions only, no inverted elements, wildcards only for log streams of this stack's own log
 * groups, the one managed policy API Gateway's logging role needs, and invoke rights scoped to one method and
 * the configured endpoints. Run for a regional API and for a private one that manages the account's logging role.
 */
class LeastPrivilegeTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVICE_PRINCIPALS = Set.of("lambda.amazonaws.com", "apigateway.amazonaws.com");
    private static final String PUSH_TO_CLOUDWATCH =
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    /** A policy document found in a resource's inputs, and where. */
    private record Policy(String resource, String input, JsonNode document) {
        List<JsonNode> statements() {
            List<JsonNode> statements = new ArrayList<>();
            JsonNode node = document.get("Statement");
            if (node.isArray()) {
                node.forEach(statements::add);
            } else {
                statements.add(node);
            }
            return statements;
        }
    }

    /** X-Ray's two write actions take no resource but "*": the one wildcard resource outside the log streams. */
    private static final Set<String> RESOURCELESS_ACTIONS = Set.of("xray:PutTraceSegments",
            "xray:PutTelemetryRecords");

    private static List<StackSettings> variants() {
        return List.of(TestSettings.settings(), TestSettings.with(StackConfigReader.ENDPOINT_TYPE, "PRIVATE",
                StackConfigReader.SNOWFLAKE_VPC_ID, "vpc-0123456789abcdef0",
                StackConfigReader.ACCESS_LOGGING, "manage-account-role", StackConfigReader.TRACING, "true"),
                AsyncStackTest.asyncSettings());
    }

    /**
     * The one Deny: the state bucket's "no request without TLS", which must name every principal and action to
     * stop them all, and only applies when the request is not encrypted.
     */
    static boolean isTlsOnlyDeny(JsonNode statement) {
        return "Deny".equals(statement.path("Effect").asText())
                && "*".equals(statement.at("/Principal/AWS").asText())
                && "s3:*".equals(statement.path("Action").asText())
                && "false".equals(statement.at("/Condition/Bool/aws:SecureTransport").asText())
                && statement.path("Condition").size() == 1;
    }

    /** Object keys under the state bucket's batch prefix and under the async functions' output and failure paths. */
    private static Set<String> ownObjectPrefixes(StackRun run, StackSettings settings) {
        Set<String> prefixes = new HashSet<>();
        run.cloud.ofType("aws:s3/bucketV2:BucketV2").forEach(bucket -> prefixes.add("arn:aws:s3:::"
                + bucket.inputs.get("bucketPrefix") + "20261201000000000000000001/batches/*"));
        settings.catalog().asyncFunctions().forEach(function -> Stream.of(function.async().outputPath(),
                function.async().failurePath()).filter(Objects::nonNull).forEach(path -> prefixes.add(
                "arn:aws:s3:::" + AsyncSettings.bucketOf(path) + "/"
                        + AsyncSettings.prefixOf(path) + "*")));
        return prefixes;
    }

    @Test
    void everyPolicyDocumentAnywhereNamesItsPrincipalsAndActionsAndWildcardsOnlyItsOwnLogStreams() {
        for (StackSettings settings : variants()) {
            StackRun run = deploy(settings);
            Set<String> ownLogStreams = ownLogStreamPatterns(run);
            Set<String> ownObjects = ownObjectPrefixes(run, settings);
            List<Policy> policies = policies(run.cloud.registered());
            assertTrue(policies.size() >= 6, "found only " + policies);
            for (Policy policy : policies) {
                for (JsonNode statement : policy.statements()) {
                    String where = policy.resource() + "." + policy.input() + ": " + statement;
                    if (isTlsOnlyDeny(statement)) {
                        continue;
                    }
                    for (String inverted : List.of("NotAction", "NotPrincipal", "NotResource")) {
                        assertFalse(statement.has(inverted), inverted + " grants everything else, in " + where);
                    }
                    assertEquals("Allow", statement.path("Effect").asText(), where);
                    for (JsonNode principal : leaves(statement.get("Principal"))) {
                        assertFalse(principal.asText().contains("*"), "wildcard principal in " + where);
                    }
                    assertFalse(leaves(statement.get("Action")).isEmpty(), "no action in " + where);
                    for (JsonNode action : leaves(statement.get("Action"))) {
                        assertFalse(action.asText().contains("*") || action.asText().contains("?"),
                                "wildcard action in " + where);
                    }
                    boolean resourceless = leaves(statement.get("Action")).stream()
                            .allMatch(action -> RESOURCELESS_ACTIONS.contains(action.asText()));
                    for (JsonNode resource : leaves(statement.get("Resource"))) {
                        String arn = resource.asText();
                        assertTrue(!arn.contains("*") && !arn.contains("?") || ownLogStreams.contains(arn)
                                        || ownObjects.contains(arn) || resourceless && arn.equals("*"),
                                "wildcard resource other than this stack's log streams " + ownLogStreams
                                        + " and object prefixes " + ownObjects + " in " + where);
                    }
                }
            }
            cleanup();
        }
    }

    @Test
    void rolesTrustOnlyTheirServiceOrSnowflakesUserWithTheExternalId() {
        for (StackSettings settings : variants()) {
            StackRun run = deploy(settings);
            List<Mocks.ResourceArgs> roles = run.cloud.ofType(ROLE);
            assertFalse(roles.isEmpty());
            for (Mocks.ResourceArgs role : roles) {
                assertFalse(role.inputs.containsKey("managedPolicyArns"), role.name + " attaches managed policies");
                assertFalse(role.inputs.containsKey("inlinePolicies"), role.name + " has inline policies");
                for (JsonNode trust : new Policy(role.name, "assumeRolePolicy",
                        parse((String) role.inputs.get("assumeRolePolicy"))).statements()) {
                    assertEquals("sts:AssumeRole", trust.path("Action").asText(), role.name + ": " + trust);
                    JsonNode principal = trust.get("Principal");
                    assertEquals(1, principal.size(), role.name + ": " + trust);
                    if (principal.has("Service")) {
                        assertTrue(SERVICE_PRINCIPALS.contains(principal.path("Service").asText()), role.name);
                        assertFalse(trust.has("Condition"), role.name);
                    } else {
                        assertEquals(FakeCloud.SNOWFLAKE_IAM_USER, principal.path("AWS").asText(), role.name);
                        assertEquals(FakeCloud.EXTERNAL_ID,
                                trust.at("/Condition/StringEquals/sts:ExternalId").asText(), role.name);
                    }
                }
            }
            cleanup();
        }
    }

    @Test
    void theOnlyManagedPolicyIsApiGatewaysLoggingPolicyOnItsOwnServiceRole() {
        assertTrue(deploy().cloud.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").isEmpty(),
                "a stack that does not manage the account's logging role attaches no managed policy");
        cleanup();
        StackRun run = deploy(variants().get(1));
        List<Mocks.ResourceArgs> attachments = run.cloud.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        assertEquals(1, attachments.size(), attachments.toString());
        assertEquals(PUSH_TO_CLOUDWATCH, attachments.get(0).inputs.get("policyArn"));
        Mocks.ResourceArgs loggingRole = run.cloud.ofType(ROLE).stream()
                .filter(role -> ((String) role.inputs.get("assumeRolePolicy")).contains("apigateway.amazonaws.com"))
                .findFirst().orElseThrow();
        assertEquals(1, parse((String) loggingRole.inputs.get("assumeRolePolicy")).get("Statement").size());
        assertTrue(run.cloud.ofType(ROLE_POLICY).stream().noneMatch(policy -> loggingRole.name.equals(
                policy.inputs.get("role"))), "the logging role gets nothing beyond the managed policy");
    }

    @Test
    void onlyThisApisOneMethodMayInvokeTheLambdaAndOnlyTheConfiguredEndpointsMayBeCalled() {
        StackRun run = deploy();
        List<Mocks.ResourceArgs> permissions = run.cloud.ofType("aws:lambda/permission:Permission");
        assertEquals(1, permissions.size(), permissions.toString());
        Map<String, Object> permission = permissions.get(0).inputs;
        assertEquals("lambda:InvokeFunction", permission.get("action"));
        assertEquals("apigateway.amazonaws.com", permission.get("principal"));
        assertEquals(METHOD_ARN, permission.get("sourceArn"), "no wildcard stage, method or path");
        assertTrue(permission.get("qualifier") instanceof String alias && !alias.isBlank()
                && !"$LATEST".equals(alias), "scoped to the alias API Gateway calls: " + permission);

        List<String> invokable = new ArrayList<>();
        for (Policy policy : policies(run.cloud.registered())) {
            for (JsonNode statement : policy.statements()) {
                if (leaves(statement.get("Action")).stream().anyMatch(a -> a.asText().startsWith("sagemaker:"))) {
                    assertEquals(List.of("sagemaker:InvokeEndpoint"),
                            leaves(statement.get("Action")).stream().map(JsonNode::asText).toList());
                    leaves(statement.get("Resource")).forEach(resource -> invokable.add(resource.asText()));
                }
            }
        }
        String prefix = "arn:aws:sagemaker:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT + ":endpoint/";
        assertEquals(Set.of(prefix + "churn-xgboost", prefix + "sentiment-llm"), Set.copyOf(invokable));
    }

    /** {@code <log group ARN>:*} for each log group the stack itself creates. */
    private static Set<String> ownLogStreamPatterns(StackRun run) {
        return Set.copyOf(run.cloud.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .map(group -> "arn:aws:logs:" + FakeCloud.REGION + ":" + FakeCloud.ACCOUNT + ":log-group:"
                        + group.inputs.get("name") + ":*")
                .toList());
    }

    /** Every input, at any depth, that holds a JSON policy document. */
    private static List<Policy> policies(List<Mocks.ResourceArgs> resources) {
        List<Policy> policies = new ArrayList<>();
        for (Mocks.ResourceArgs resource : resources) {
            resource.inputs.forEach((input, value) -> collect(resource.type + " " + resource.name, input, value,
                    policies));
        }
        return policies;
    }

    private static void collect(String resource, String input, Object value, List<Policy> policies) {
        if (value instanceof String text && text.strip().startsWith("{") && text.contains("Statement")) {
            JsonNode document = parse(text);
            if (document.has("Statement")) {
                policies.add(new Policy(resource, input, document));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> collect(resource, input + "." + key, nested, policies));
        } else if (value instanceof List<?> list) {
            list.forEach(nested -> collect(resource, input + "[]", nested, policies));
        }
    }

    private static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new AssertionError("not a JSON policy document: " + document, e);
        }
    }

    /** The strings of a policy element: a string, a list, or an object of those (principals). */
    private static List<JsonNode> leaves(JsonNode node) {
        List<JsonNode> leaves = new ArrayList<>();
        if (node != null && node.isContainerNode()) {
            node.forEach(child -> leaves.addAll(leaves(child)));
        } else if (node != null) {
            leaves.add(node);
        }
        return leaves;
    }
}
