package dev.sqlscore.local.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlscore.local.demo.AwsEndpointOverride;
import dev.sqlscore.snowflake.Gzip;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class SnowflakeRequestFactoryTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:8080/");

    @Test
    void batchesNumberRowsFromZeroAndRememberWhereTheyStart() {
        List<SnowflakeBatch> batches = SnowflakeBatch.split(TestRows.numbered(5), 2);
        assertEquals(3, batches.size());
        assertEquals(4, batches.get(2).firstRow());
        assertEquals("{\"data\":[[0,[2,\"x\"]],[1,[3,\"x\"]]]}",
                new String(batches.get(1).toJson(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> SnowflakeBatch.split(TestRows.numbered(1), 0));
    }

    @Test
    void requestCarriesSnowflakeHeadersAndAGzipBody() throws Exception {
        SnowflakeBatch batch = SnowflakeBatch.split(TestRows.numbered(3), 10).get(0);
        HttpRequest request = SnowflakeRequestFactory.builder().uri(LOCAL).queryId("q1").endpointName("churn")
                .customHeader("Content-Type", "text/csv").build().request(batch);
        assertEquals("POST", request.method());
        var headers = request.headers();
        assertEquals("json", headers.firstValue("sf-external-function-format").orElseThrow());
        assertEquals("1.0", headers.firstValue("sf-external-function-format-version").orElseThrow());
        assertEquals("q1", headers.firstValue("sf-external-function-current-query-id").orElseThrow());
        assertEquals("q1-0", headers.firstValue("sf-external-function-query-batch-id").orElseThrow());
        assertEquals("SAGEMAKER_INVOKE", headers.firstValue("sf-external-function-name").orElseThrow());
        assertEquals("U0FHRU1BS0VSX0lOVk9LRQ==", headers.firstValue("sf-external-function-name-base64").orElseThrow());
        assertEquals("churn", headers.firstValue("sf-custom-sagemaker-endpoint-name").orElseThrow());
        assertEquals("text/csv", headers.firstValue("sf-custom-content-type").orElseThrow());
        assertEquals("gzip", headers.firstValue("content-encoding").orElseThrow());
        assertFalse(headers.firstValue("authorization").isPresent());
        assertEquals(new String(batch.toJson(), StandardCharsets.UTF_8),
                new String(Gzip.decompress(body(request)), StandardCharsets.UTF_8));
    }

    @Test
    void customHeaderNamesFollowSnowflakeRules() {
        SnowflakeRequestFactory.Builder builder = SnowflakeRequestFactory.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.customHeader("target_model", "a"));
        assertTrue(e.getMessage().contains("forbids '_'"), e.getMessage());
    }

    @Test
    void signedRequestHasSigV4ForExecuteApi() throws Exception {
        URI stage = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/score");
        assertEquals("eu-west-1", SigV4Signer.regionOf(stage).orElseThrow());
        assertTrue(SigV4Signer.regionOf(URI.create("https://api.example.com/x")).isEmpty());
        assertTrue(SigV4Signer.isLoopback(LOCAL));
        assertFalse(SigV4Signer.isLoopback(stage));

        Clock clock = Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC);
        SigV4Signer signer = new SigV4Signer(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-west-1", clock);
        SnowflakeRequestFactory factory = SnowflakeRequestFactory.builder().uri(stage).signer(signer).queryId("q")
                .build();
        SnowflakeBatch batch = SnowflakeBatch.split(TestRows.numbered(1), 10).get(0);
        HttpRequest first = factory.request(batch);
        String authorization = first.headers().firstValue("authorization").orElseThrow();
        assertTrue(authorization.startsWith(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/execute-api/aws4_request"), authorization);
        assertTrue(authorization.contains("sf-external-function-query-batch-id"), authorization);
        assertEquals("20261123T200000Z", first.headers().firstValue("x-amz-date").orElseThrow());
        // Same request, same clock, same key: the same signature; another body: another signature.
        assertEquals(authorization, factory.request(batch).headers().firstValue("authorization").orElseThrow());
        SnowflakeBatch other = SnowflakeBatch.split(TestRows.numbered(2), 10).get(0);
        assertFalse(authorization.equals(factory.request(other).headers().firstValue("authorization").orElseThrow()));
    }

    @SuppressWarnings("try") // the resource is the scope of an override: never referenced
    @Test
    void signingRegionComesFromTheOptionThenTheHostThenTheSdkDefault() {
        URI stage = URI.create("https://abc123.execute-api.ap-south-1.amazonaws.com/v1/score");
        URI custom = URI.create("https://scoring.example.com/v1/score");
        assertEquals("eu-north-1", SigV4Signer.withDefaultCredentials(stage, "eu-north-1").region());
        assertEquals("ap-south-1", SigV4Signer.withDefaultCredentials(stage, null).region());
        try (AwsEndpointOverride sdkDefaults = AwsEndpointOverride.pointAt(URI.create("http://127.0.0.1:1"))) {
            assertEquals("us-east-1", SigV4Signer.withDefaultCredentials(custom, null).region());
        }
    }

    static byte[] body(HttpRequest request) throws Exception {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        List<ByteBuffer> parts = new ArrayList<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                parts.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
                ByteBuffer all = ByteBuffer.allocate(size);
                parts.forEach(all::put);
                result.complete(all.array());
            }
        });
        return result.get();
    }
}
