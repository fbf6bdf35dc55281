package dev.sqlscore.infra;

/** The Lambda jar has not been built; the message names the build command. */
public final class MissingArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingArtifactException(String message) {
        super(message);
    }
}
