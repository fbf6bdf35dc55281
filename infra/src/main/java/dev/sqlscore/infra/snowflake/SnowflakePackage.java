package dev.sqlscore.infra.snowflake;

import com.pulumi.resources.CustomResourceOptions;

/**
 * What the official SDK keeps in its {@code Utilities} class: the provider plugin version this binding was written
 * against. Every resource registers with it so the engine installs exactly that plugin, even when
 * {@code com/pulumi/snowflake/plugin.json} is not picked up.
 */
public final class SnowflakePackage {

    /** The provider release whose schema {@code snowflake-provider-2.17.0.contract.json} describes. */
    public static final String VERSION = "2.17.0";

    /** Preview resources must be enabled by name on the provider; the provider expects these snake_case names. */
    public static final String PREVIEW_API_INTEGRATION = "snowflake_api_integration_resource";
    public static final String PREVIEW_EXTERNAL_FUNCTION = "snowflake_external_function_resource";

    private SnowflakePackage() {
    }

    static CustomResourceOptions withVersion(CustomResourceOptions options) {
        return CustomResourceOptions.merge(CustomResourceOptions.builder().version(VERSION).build(), options);
    }
}
