package dev.sqlscore.infra;

/**
 * The Snowflake account the stack signs in to (key-pair authentication; the key itself is a secret output of its
 * own), and as whom.
 *
 * @param warehouse optional; {@code null} when not set
 */
public record SnowflakeAccount(String organizationName, String accountName, String user, String role,
                               String warehouse) {
}
