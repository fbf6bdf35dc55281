package dev.sqlscore.infra.config;

/**
 * How the stack signs in to Snowflake: key-pair (JWT) authentication, never a password.
 *
 * @param warehouse            optional; {@code null} when not set
 * @param privateKeyPassphrase optional; {@code null} for an unencrypted key
 */
public record SnowflakeConnection(String organizationName, String accountName, String user, String role,
                                  String warehouse, String privateKey, String privateKeyPassphrase) {

    @Override
    public String toString() {
        return "SnowflakeConnection[account=" + organizationName + "-" + accountName + ", user=" + user
                + ", role=" + role + ", warehouse=" + warehouse + ", privateKey=***]";
    }
}
