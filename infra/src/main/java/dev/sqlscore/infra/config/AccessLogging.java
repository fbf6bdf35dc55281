package dev.sqlscore.infra.config;

import java.util.Arrays;
import java.util.List;

/**
 * Stage access logs need the account-wide API Gateway CloudWatch role, which other APIs in the region share.
 * The stack changes that account setting only when told to.
 */
public enum AccessLogging {
    /** Write access logs; the account's CloudWatch role is already set (the default). */
    EXISTING_ACCOUNT_ROLE("existing-account-role"),
    /** Write access logs and set the account-wide CloudWatch role to one this stack creates. */
    MANAGE_ACCOUNT_ROLE("manage-account-role"),
    /** No access logs. */
    OFF("off");

    private final String configValue;

    AccessLogging(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public boolean enabled() {
        return this != OFF;
    }

    public static List<String> configValues() {
        return Arrays.stream(values()).map(AccessLogging::configValue).toList();
    }
}
