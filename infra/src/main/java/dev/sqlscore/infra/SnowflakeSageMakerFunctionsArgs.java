package dev.sqlscore.infra;

import dev.sqlscore.infra.config.StackSettings;
import java.nio.file.Path;
import java.util.Objects;

/** What {@link SnowflakeSageMakerFunctions} needs: validated settings, the Lambda artifact and the IAM wait. */
public final class SnowflakeSageMakerFunctionsArgs {

    private final StackSettings settings;
    private final Path handlerArtifact;
    private final PropagationDelay propagationDelay;

    private SnowflakeSageMakerFunctionsArgs(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.handlerArtifact = Objects.requireNonNull(builder.handlerArtifact, "handlerArtifact");
        this.propagationDelay = Objects.requireNonNull(builder.propagationDelay, "propagationDelay");
    }

    public static Builder builder() {
        return new Builder();
    }

    public StackSettings settings() {
        return settings;
    }

    /** The shaded Lambda jar, {@code handler/target/handler.jar} in this repository. */
    public Path handlerArtifact() {
        return handlerArtifact;
    }

    public PropagationDelay propagationDelay() {
        return propagationDelay;
    }

    public static final class Builder {
        private StackSettings settings;
        private Path handlerArtifact;
        private PropagationDelay propagationDelay = PropagationDelay.realTime();

        private Builder() {
        }

        public Builder settings(StackSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder handlerArtifact(Path handlerArtifact) {
            this.handlerArtifact = handlerArtifact;
            return this;
        }

        public Builder propagationDelay(PropagationDelay propagationDelay) {
            this.propagationDelay = propagationDelay;
            return this;
        }

        public SnowflakeSageMakerFunctionsArgs build() {
            return new SnowflakeSageMakerFunctionsArgs(this);
        }
    }
}
