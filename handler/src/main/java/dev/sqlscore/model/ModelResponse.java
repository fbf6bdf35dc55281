package dev.sqlscore.model;

import java.util.Objects;

/**
 * A model's answer to one {@link ModelRequest}.
 *
 * @param contentType the media type the model declared, or null when it declared none
 * @param body        the raw answer; callers must not mutate it
 */
public record ModelResponse(String contentType, byte[] body) {

    public ModelResponse {
        Objects.requireNonNull(body, "body");
    }

    /** Leaves the body out: it is row data. */
    @Override
    public String toString() {
        return "ModelResponse[contentType=" + contentType + ", bodyBytes=" + body.length + "]";
    }
}
