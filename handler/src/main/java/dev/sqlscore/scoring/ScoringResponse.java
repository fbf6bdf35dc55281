package dev.sqlscore.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What goes back to Snowflake: a status and a JSON body ({@code {"data": ...}} on success,
 * {@code {"error": ..., "message": ...}} otherwise).
 */
public record ScoringResponse(int statusCode, byte[] body) {

    public static final String CONTENT_TYPE = "application/json";

    public ScoringResponse {
        Objects.requireNonNull(body, "body");
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ScoringResponse[statusCode=" + statusCode + ", bodyBytes=" + body.length + "]";
    }
}
