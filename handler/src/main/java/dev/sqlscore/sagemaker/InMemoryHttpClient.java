package dev.sqlscore.sagemaker;

import dev.sqlscore.scoring.ModelInvoker;
import dev.sqlscore.scoring.ModelRequest;
import dev.sqlscore.scoring.ModelResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern INVOCATIONS = Pattern.compile("/endpoints/([^/]+)/invocations");
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
        Matcher path = INVOCATIONS.matcher(http.encodedPath());
        if (!path.matches()) {
            throw new IOException("not an InvokeEndpoint request: " + http.encodedPath());
        }
        byte[] body;
        try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
            body = in.readAllBytes();
        }
        return new ModelRequest(path.group(1), header(http, "Content-Type"), header(http, "Accept"),
                http.firstMatchingHeader("X-Amzn-SageMaker-Target-Model").orElse(null),
                http.firstMatchingHeader("X-Amzn-SageMaker-Target-Variant").orElse(null),
                http.firstMatchingHeader("X-Amzn-SageMaker-Inference-Component").orElse(null),
                http.firstMatchingHeader("X-Amzn-SageMaker-Custom-Attributes").orElse(null), body);
    }

    private static String header(SdkHttpRequest http, String name) throws IOException {
        return http.firstMatchingHeader(name).orElseThrow(() -> new IOException("no " + name + " header"));
    }

    @Override
    public String clientName() {
        return "InMemory";
    }

    @Override
    public void close() {
    }
}
