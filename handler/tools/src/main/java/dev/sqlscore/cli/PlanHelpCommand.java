package dev.sqlscore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plan}, as the help lists it: the launcher runs it (it is the Pulumi program's own code, built by Maven, not
 * part of this jar), so here it only says how.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"What `pulumi up` would create for Pulumi.<stack>.yaml, offline and without credentials: the "
                + "configuration checked as the Pulumi CLI and the program check it (every problem with its key, a "
                + "mistyped key with the one it meant), every effective setting, then the AWS resources and the "
                + "Snowflake SQL the program registers. Exit 0 when the stack can be deployed, 2 when it has problems.",
                "Run it from the repository root: ./sqlscore plan [STACK]   (STACK defaults to dev)"})
final class PlanHelpCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "STACK", description = "The stack (default: dev).")
    private String stack;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("plan runs the Pulumi program itself, which this jar does not hold: run "
                + "./sqlscore plan " + (stack == null ? "" : stack + " ") + "from the repository root.");
        return CommandLine.ExitCode.USAGE;
    }
}
