package dev.sqlscore.hardening;

import dev.sqlscore.snowflake.Gzip;
import dev.sqlscore.snowflake.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Snowflake call written the way it travels, so that seed files read like real requests and the fuzzer can
 * mutate any part of one:
 *
 * <pre>
 * POST [gzip] [base64]
 * sf-external-function-format: json
 * sf-custom-sagemaker-endpoint-name: churn-model
 *
 * {"data":[[0,[1,2]]]}
 * </pre>
 *
 * The first line is the method and transport options: {@code gzip} compresses the body before it is sent,
 * {@code base64} marks it for a Lambda proxy event's {@code isBase64Encoded}. Header lines follow up to an
 * empty line; the rest is the body. Every byte sequence decodes to some request: that is what a fuzzer needs.
 */
record RawRequest(String method, Set<String> options, Map<String, List<String>> headers, byte[] body) {

    static RawRequest decode(byte[] input) {
        int headEnd = indexOf(input, new byte[] {'\n', '\n'});
        String head = new String(input, 0, headEnd < 0 ? input.length : headEnd, StandardCharsets.UTF_8);
        byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(input, headEnd + 2, input.length);
        String[] lines = head.split("\n", -1);
        String[] requestLine = lines[0].strip().split(" +");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String value = lines[i].substring(colon + 1);
                headers.computeIfAbsent(lines[i].substring(0, colon), name -> new ArrayList<>())
                        .add(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        return new RawRequest(requestLine[0], Set.copyOf(Arrays.asList(requestLine).subList(1, requestLine.length)),
                headers, body);
    }

    HttpHeaders httpHeaders() {
        return HttpHeaders.ofMulti(headers);
    }

    /** The body as the handler receives it: compressed when the request line says {@code gzip}. */
    byte[] sentBody() {
        return options.contains("gzip") ? Gzip.compress(body) : body;
    }

    boolean base64() {
        return options.contains("base64");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
