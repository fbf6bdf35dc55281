package dev.sqlscore.infra.config;

import java.util.HashMap;
import java.util.Map;

/** The smallest valid stack configuration: the required keys only, one function. Tests vary it key by key. */
public final class ValidConfig {

    public static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEsecret\n-----END PRIVATE KEY-----";

    private ValidConfig() {
    }

    /** A fresh, mutable map. */
    public static Map<String, String> minimal() {
        Map<String, String> config = new HashMap<>();
        config.put(StackConfigReader.SNOWFLAKE_ORGANIZATION, "MYORG");
        config.put(StackConfigReader.SNOWFLAKE_ACCOUNT, "MYACCOUNT");
        config.put(StackConfigReader.SNOWFLAKE_USER, "PULUMI");
        config.put(StackConfigReader.SNOWFLAKE_ROLE, "ACCOUNTADMIN");
        config.put(StackConfigReader.SNOWFLAKE_PRIVATE_KEY, PRIVATE_KEY);
        config.put(StackConfigReader.DATABASE, "analytics");
        config.put(StackConfigReader.SCHEMA, "ml");
        config.put(StackConfigReader.FUNCTIONS, "[{\"name\": \"SAGEMAKER_INVOKE\", \"endpoint\": \"my-endpoint\"}]");
        return config;
    }
}
