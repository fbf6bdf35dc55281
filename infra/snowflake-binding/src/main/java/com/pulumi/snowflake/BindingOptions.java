package com.pulumi.snowflake;

import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * The resource options every registration of this binding carries, as the official SDK's resources do: the plugin
 * version (so the engine installs exactly provider 2.17.0, plugin.json or not) and the outputs the provider marks
 * secret; invokes carry the version too. Options the program passes win over these defaults. Package-private: not
 * part of the SDK's API.
 */
final class BindingOptions {

    /** The provider release this binding was written against; {@code plugin.json} names the same. */
    static final String VERSION = "2.17.0";

    private BindingOptions() {
    }

    /** An invoke's options with the plugin version, unless the caller named one. */
    static InvokeOptions withVersion(InvokeOptions options) {
        if (options.getVersion().isPresent()) {
            return options;
        }
        return new InvokeOptions(options.getParent().orElse(null), options.getProvider().orElse(null), VERSION);
    }

    static CustomResourceOptions withDefaults(CustomResourceOptions options, List<String> secretOutputs) {
        var defaults = CustomResourceOptions.builder().version(VERSION);
        if (!secretOutputs.isEmpty()) {
            defaults.additionalSecretOutputs(secretOutputs);
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }
}
