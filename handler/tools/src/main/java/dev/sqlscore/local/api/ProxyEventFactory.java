package dev.sqlscore.local.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlscore.snowflake.Gzip;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway REST gives a Lambda proxy integration (payload format 1.0) from one HTTP request.
 *
 * <p>Gzip bodies: a REST API with content encoding enabled ({@code minimumCompressionSize} set) decompresses the
 * request before Lambda and leaves {@code Content-Encoding} in the headers; that is the default here. With
 * {@code decompress} off, the gzip bytes go through base64-encoded with {@code isBase64Encoded: true}, as an API
 * with binary media types but no content encoding passes them.
 */
public final class ProxyEventFactory {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One HTTP request as the local server received it. */
    public record HttpCall(String method, String rawQuery, Map<String, List<String>> headers,
                           byte[] body, String sourceIp, String requestId, Instant time) {

        /** Header names only and the body's size: values can hold signatures, bodies are row data. */
        @Override
        public String toString() {
            return "HttpCall[method=" + method + ", headers=" + headers.keySet() + ", bodyBytes=" + body.length
                    + ", requestId=" + requestId + "]";
        }
    }

    private final String stage;
    private final String resourcePath;
    private final boolean decompress;

    /**
     * @param stage        the stage name, as in {@code https://<api>.execute-api.<region>.amazonaws.com/<stage>/...}
     * @param resourcePath the API's one resource, e.g. {@code /score}
     * @param decompress   whether the API has content encoding enabled (see above)
     */
    public ProxyEventFactory(String stage, String resourcePath, boolean decompress) {
        this.stage = stage;
        this.resourcePath = resourcePath;
        this.decompress = decompress;
    }

    /**
     * The proxy event for a request.
     *
     * @throws IllegalArgumentException if the body says gzip but is not
     */
    public ObjectNode event(HttpCall call) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode event = json.objectNode();
        event.put("resource", resourcePath);
        // On the execute-api host, "path" leaves the stage out; requestContext.path keeps it.
        event.put("path", resourcePath);
        event.put("httpMethod", call.method());
        putHeaders(event, call.headers());
        putQuery(event, call.rawQuery());
        event.putNull("pathParameters");
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(call));
        putBody(event, call);
        return event;
    }

    private static void putHeaders(ObjectNode event, Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
            return;
        }
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, values) -> {
            // REST APIs keep the last value of a repeated header in "headers".
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
        });
    }

    private static void putQuery(ObjectNode event, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        parameters.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
        });
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private ObjectNode requestContext(HttpCall call) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("resourceId", "local");
        context.put("resourcePath", resourcePath);
        context.put("httpMethod", call.method());
        context.put("extendedRequestId", call.requestId());
        context.put("requestTime", REQUEST_TIME.format(call.time()));
        context.put("path", "/" + stage + resourcePath);
        context.put("accountId", "000000000000");
        context.put("protocol", "HTTP/1.1");
        context.put("stage", stage);
        context.put("domainPrefix", "localhost");
        context.put("requestTimeEpoch", call.time().toEpochMilli());
        context.put("requestId", call.requestId());
        ObjectNode identity = context.putObject("identity");
        for (String unknown : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller",
                "principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider",
                "userArn", "user")) {
            identity.putNull(unknown);
        }
        identity.put("sourceIp", call.sourceIp());
        String userAgent = lastHeader(call.headers(), "user-agent");
        identity.put("userAgent", userAgent);
        context.put("domainName", "localhost");
        context.put("apiId", "local");
        return context;
    }

    private void putBody(ObjectNode event, HttpCall call) {
        byte[] body = call.body();
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        boolean gzip = Gzip.isGzip(lastHeader(call.headers(), "content-encoding"));
        if (gzip && !decompress) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
            return;
        }
        event.put("body", new String(gzip ? Gzip.decompress(body) : body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
    }

    private static String lastHeader(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(header.getValue().size() - 1);
            }
        }
        return null;
    }
}
