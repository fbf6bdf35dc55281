package dev.sqlscore.infra.config;

/** Size and architecture of the scoring Lambda. */
public record LambdaSettings(int memoryMb, String architecture, int timeoutSeconds) {
}
