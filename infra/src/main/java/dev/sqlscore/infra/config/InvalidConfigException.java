package dev.sqlscore.infra.config;

import java.util.List;

/** Every problem found in the stack configuration, each naming its key and what the key accepts. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("Invalid stack configuration (fix with `pulumi config set <key> <value>`):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
