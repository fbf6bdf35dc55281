package dev.sqlscore.infra;

import dev.sqlscore.infra.config.ConfigSource;
import dev.sqlscore.infra.config.StackConfigReader;
import dev.sqlscore.infra.config.StackSettings;
import dev.sqlscore.infra.config.ValidConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A valid configuration (what Pulumi.dev.yaml holds), to be varied key by key. */
final class TestSettings {

    static final String FUNCTIONS = """
            [{"name": "sagemaker_invoke", "endpoint": "Churn-XGBoost", "maxBatchRows": 10000,
              "accept": "application/json", "grantees": ["ANALYST", "DATA_SCIENTIST"]},
             {"name": "SENTIMENT", "endpoint": "sentiment-llm", "contentType": "application/json",
              "targetVariant": "blue", "inferenceComponent": "sentiment-ic", "customAttributes": "trace=1",
              "arguments": [{"name": "review", "type": "varchar"}], "returnType": "OBJECT"}]
            """;

    private TestSettings() {
    }

    static Map<String, String> config() {
        Map<String, String> config = ValidConfig.minimal();
        config.put(StackConfigReader.FUNCTIONS, FUNCTIONS);
        return config;
    }

    static StackSettings settings() {
        return StackConfigReader.read(ConfigSource.of(config()));
    }

    /** The valid configuration with some keys changed: key, value, key, value... */
    static StackSettings with(String... keysAndValues) {
        Map<String, String> config = config();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return StackConfigReader.read(ConfigSource.of(config));
    }

    static Path artifact(Path dir) {
        try {
            Path jar = dir.resolve("handler.jar");
            Files.write(jar, new byte[] {'P', 'K', 3, 4});
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
