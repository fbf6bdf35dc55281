package dev.sqlscore.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names that must be known before the resources exist, or that are account-wide: they include the component and
 * stack names so two stacks (or two components) fit one AWS and one Snowflake account.
 */
final class ResourceNames {

    private static final int IAM_ROLE_NAME_LIMIT = 64;

    private ResourceNames() {
    }

    /** The IAM role Snowflake assumes; its ARN goes into the API integration before the role exists. */
    static String snowflakeRole(String componentName, String stackName) {
        String name = (componentName + "-" + stackName + "-snowflake").replaceAll("[^A-Za-z0-9+=,.@_-]", "-");
        if (name.length() <= IAM_ROLE_NAME_LIMIT) {
            return name;
        }
        String hash = sha256(name).substring(0, 8);
        return name.substring(0, IAM_ROLE_NAME_LIMIT - hash.length() - 1) + "-" + hash;
    }

    /** The Snowflake API integration (an account-level object). */
    static String apiIntegration(String componentName, String stackName) {
        String name = (componentName + "_" + stackName).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return Character.isLetter(name.charAt(0)) ? name : "SQLSCORE_" + name;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
