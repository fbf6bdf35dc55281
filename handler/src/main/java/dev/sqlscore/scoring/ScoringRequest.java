package dev.sqlscore.scoring;

import dev.sqlscore.snowflake.HttpHeaders;
import java.time.Duration;
import java.util.Objects;

/**
 * One Snowflake external-function call as the scorer sees it, whatever carried it (Lambda, local server).
 *
 * @param method        HTTP method; Snowflake sends POST
 * @param headers       request headers, looked up case-insensitively
 * @param body          the raw body after transport decoding (base64 undone); may still be gzip
 * @param timeRemaining how long the carrier lets us run (Lambda's remaining time), or null for no limit
 *                      beyond the configured deadline
 */
public record ScoringRequest(String method, HttpHeaders headers, byte[] body, Duration timeRemaining) {

    public ScoringRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "ScoringRequest[method=" + method + ", headers=" + headers + ", bodyBytes=" + body.length + "]";
    }
}
