package dev.sqlscore.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlscore.snowflake.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The event's headers are read as they stream by, straight into {@link HttpHeaders}. They must come out as a JSON
 * tree of the event says they are, merged as API Gateway means them: every value of {@code multiValueHeaders}, then
 * from {@code headers} the value of each name (in any case) that has none yet. The expectation here is that, worked
 * out from Jackson's tree of the event and a case-insensitive map, on events with names in several cases, values of
 * every JSON kind, repeated names and fields, and header fields that are not objects.
 */
class ProxyEventHeadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("Sf-Custom-SageMaker-Endpoint-Name",
            "sf-custom-sagemaker-endpoint-name", "X-Forwarded-For", "x-forwarded-for", "X-FORWARDED-FOR", "Host",
            "\u00b5-unit", "\u039c-UNIT", "stra\u00dfe", "STRASSE");
    private static final List<String> VALUES = List.of("\"a\"", "\"\"", "\"b c\"", "1", "-0", "1.50", "1e2",
            "12345678901234567890", "true", "false", "null", "[\"x\"]", "{\"k\":\"v\"}", "[]");

    @Test
    void headersReadAsTheEventsJsonTreeSaysAndMergedAsApiGatewayMeansThem() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String event = event(random);
            String expectedError = expectedError(JSON.readTree(event));
            if (expectedError != null) {
                MalformedEventException refused = assertThrows(MalformedEventException.class, () -> read(event),
                        event);
                assertEquals("The Lambda event " + expectedError, refused.getMessage().substring(0,
                        refused.getMessage().indexOf('.')), event);
                continue;
            }
            TreeMap<String, List<String>> expected = expected(JSON.readTree(event));
            HttpHeaders headers = read(event);
            for (String name : NAMES) {
                assertEquals(expected.getOrDefault(name, List.of()), headers.all(name), name + " in " + event);
                assertEquals(expected.getOrDefault(name, List.of()).stream().findFirst(), headers.first(name));
            }
            assertEquals(folded(expected.keySet()), folded(headers.names()), event);
        }
    }

    @Test
    void aValueThatIsNotTextIsReadAsItsTextOrNotAtAll() throws Exception {
        HttpHeaders headers = read("{\"httpMethod\":\"POST\",\"headers\":{\"a\":1.50,\"b\":true,\"c\":null,"
                + "\"d\":[\"x\"],\"e\":{\"k\":1},\"f\":1e2,\"g\":-0},"
                + "\"multiValueHeaders\":{\"h\":[\"x\",2,null,[\"y\"],false],\"i\":\"one\"}}");

        assertEquals(List.of("1.5"), headers.all("a"));
        assertEquals(List.of("true"), headers.all("b"));
        assertEquals(List.of(), headers.all("c"));
        assertEquals(List.of(), headers.all("d"));
        assertEquals(List.of(), headers.all("e"));
        assertEquals(List.of("100.0"), headers.all("f"));
        assertEquals(List.of("0"), headers.all("g"));
        assertEquals(List.of("x", "2", "false"), headers.all("H"));
        assertEquals(List.of("one"), headers.all("i"));
    }

    /**
     * Names as a case-insensitive comparison sees them, sorted: which case of a name is kept when it came in several
     * depends on which came first with a value, which the tree does not say.
     */
    private static List<String> folded(Collection<String> names) {
        return names.stream().map(name -> name.codePoints()
                .map(c -> Character.toLowerCase(Character.toUpperCase(c)))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .sorted().toList();
    }

    private static HttpHeaders read(String event) throws MalformedEventException {
        return ProxyEvent.read(JSON, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), null)
                .headers();
    }

    /** An event with one or two of each header field, in either order, each an object or now and then not. */
    private static String event(Random random) {
        List<String> fields = new ArrayList<>();
        fields.add("\"httpMethod\":\"POST\"");
        for (int f = random.nextInt(4); f > 0; f--) {
            fields.add("\"headers\":" + headerField(random, false));
        }
        for (int f = random.nextInt(4); f > 0; f--) {
            fields.add("\"multiValueHeaders\":" + headerField(random, true));
        }
        fields.add("\"body\":\"\"");
        Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private static String headerField(Random random, boolean multi) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return "null";
        }
        if (kind == 1) {
            return List.of("\"text\"", "7", "[]", "[{\"a\":\"b\"}]", "true").get(random.nextInt(5));
        }
        List<String> members = new ArrayList<>();
        for (int m = random.nextInt(6); m > 0; m--) {
            String value = VALUES.get(random.nextInt(VALUES.size()));
            if (multi && random.nextInt(4) > 0) {
                List<String> values = new ArrayList<>();
                for (int v = random.nextInt(4); v > 0; v--) {
                    values.add(VALUES.get(random.nextInt(VALUES.size())));
                }
                value = "[" + String.join(",", values) + "]";
            }
            members.add(JSON.valueToTree(NAMES.get(random.nextInt(NAMES.size()))) + ":" + value);
        }
        return "{" + String.join(",", members) + "}";
    }

    /** The field a JSON tree says is there and not an object, multiValueHeaders first; null when both are fine. */
    private static String expectedError(JsonNode event) {
        for (String field : List.of("multiValueHeaders", "headers")) {
            JsonNode node = event.get(field);
            if (node != null && !node.isNull() && !node.isObject()) {
                return "has a " + field + " field that is not a JSON object";
            }
        }
        return null;
    }

    private static TreeMap<String, List<String>> expected(JsonNode event) {
        TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode multi = event.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            for (Map.Entry<String, JsonNode> header : multi.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (header.getValue().isArray()) {
                    header.getValue().forEach(value -> addText(values, value));
                } else {
                    addText(values, header.getValue());
                }
            }
        }
        JsonNode single = event.get("headers");
        if (single != null && single.isObject()) {
            for (Map.Entry<String, JsonNode> header : single.properties()) {
                List<String> values = merged.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
                if (values.isEmpty()) {
                    addText(values, header.getValue());
                }
            }
        }
        merged.values().removeIf(List::isEmpty);
        return merged;
    }

    private static void addText(List<String> values, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            values.add(value.asText());
        }
    }
}
