package dev.sqlscore.infra.config;

/**
 * What the handler reads from its {@code SQLSCORE_*} environment: how a batch is cut and paced.
 *
 * @param defaultEndpoint endpoint used when a function sends no endpoint header; {@code null} for none
 */
public record ScoringSettings(int maxRequestBytes, int maxRowsPerRequest, int maxConcurrentRequests,
                              int deadlineMillis, String defaultEndpoint) {
}
