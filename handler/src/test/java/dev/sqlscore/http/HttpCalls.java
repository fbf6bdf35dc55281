package dev.sqlscore.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Calls through {@link SocketHttpClient} as the SDK makes them, for the wire tests. */
final class HttpCalls {

    private HttpCalls() {
    }

    /** A POST of {@code body} with its Content-Length, and a Content-Type when {@code contentType} is not null. */
    static HttpExecuteResponse post(SocketHttpClient client, URI uri, byte[] body, String contentType)
            throws IOException {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Length", Integer.toString(body.length));
        if (contentType != null) {
            http.putHeader("Content-Type", contentType);
        }
        return client.prepareRequest(HttpExecuteRequest.builder().request(http.build())
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)).build()).call();
    }

    /** The answer's body as UTF-8 text, read to its end. */
    static String text(HttpExecuteResponse response) throws IOException {
        try (InputStream in = response.responseBody().orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
