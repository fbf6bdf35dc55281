package dev.sqlscore.sagemaker;

import dev.sqlscore.model.ModelInvoker;
import dev.sqlscore.model.ModelRequest;
import dev.sqlscore.model.ModelResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: it reads the {@code InvokeEndpoint} request the SDK built and
 * signed, asks a {@link ModelInvoker} in memory, and hands the SDK a 200 response to unmarshal.
 */
final class InMemoryHttpClient implements SdkHttpClient {

    private static final Duration NO_TIMEOUT = Duration.ofMinutes(1);

    private final ModelInvoker model;

    InMemoryHttpClient(ModelInvoker model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                ModelResponse answer = model.invoke(modelRequest(request), NO_TIMEOUT);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(200);
                if (answer.contentType() != null) {
                    response.putHeader("Content-Type", answer.contentType());
                }
                return HttpExecuteResponse.builder().response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body()))).build();
            }

            @Override
            public void abort() {
                // Nothing in flight to abort: the answer is computed on the calling thread.
            }
        };
    }

    private static ModelRequest modelRequest(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        String endpoint = InvokeEndpointWire.endpointName(http.encodedPath())
                .orElseThrow(() -> new IOException("not an InvokeEndpoint request: " + http.encodedPath()));
        byte[] body;
        try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
            body = in.readAllBytes();
        }
        return InvokeEndpointWire.request(endpoint, http::firstMatchingHeader, body);
    }

    @Override
    public String clientName() {
        return "InMemory";
    }

    @Override
    public void close() {
    }
}
