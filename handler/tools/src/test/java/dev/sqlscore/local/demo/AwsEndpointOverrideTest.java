package dev.sqlscore.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

class AwsEndpointOverrideTest {

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void sdkBuiltUnderTheOverrideCallsTheLocalEndpointAndThePropertiesAreRestored() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "0.5\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String before = System.getProperty("aws.region");
        try (AwsEndpointOverride ignored = AwsEndpointOverride.pointAt(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
             SageMakerRuntimeClient client = SageMakerRuntimeClient.builder()
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String answer = client.invokeEndpoint(r -> r.endpointName("churn").contentType("text/csv")
                    .body(SdkBytes.fromUtf8String("1,2\n"))).body().asUtf8String();
            assertEquals("0.5\n", answer);
        } finally {
            server.stop(0);
        }
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("POST /endpoints/churn/invocations AWS4-HMAC-SHA256 Credential=local/"),
                seen.get(0));
        assertTrue(seen.get(0).contains("/us-east-1/sagemaker/aws4_request"), seen.get(0));
        assertEquals(before, System.getProperty("aws.region"));
        assertNull(System.getProperty(AwsEndpointOverride.ENDPOINT_PROPERTY));
    }
}
