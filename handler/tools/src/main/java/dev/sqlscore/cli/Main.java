package dev.sqlscore.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code ./sqlscore <command>} ({@code java -jar sqlscore-tools.jar <command>}): the data path on one machine. */
@Command(name = "sqlscore", mixinStandardHelpOptions = true, version = "sqlscore 0.1.0",
        description = "Run the sqlscore handler on one machine: serve the external function's API locally, "
                + "call it the way Snowflake does, see the whole data path work offline with 'demo', or see what "
                + "`pulumi up` would create with 'plan'.",
        subcommands = {DemoCommand.class, ServeCommand.class, InvokeCommand.class, PlanHelpCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for {@code main} and for tests that set their own output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // Wide enough that no URL in a description is broken across lines (MainTest checks).
                .setUsageHelpWidth(120)
                // A usage error is one line that says what is wrong, then where the help is: 60 lines of usage
                // would push the message off the screen. Exit 2, as for every bad argument or input.
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine command = e.getCommandLine();
                    if (e instanceof CommandLine.UnmatchedArgumentException && command.getParent() == null
                            && args.length > 0 && !args[0].startsWith("-")) {
                        command.getErr().println(command.getCommandName() + ": unknown command '" + args[0]
                                + "'; the commands are " + String.join(", ", command.getSubcommands().keySet()));
                        command.getErr().println("See '" + command.getCommandName() + " --help'.");
                        command.getErr().flush();
                        return CommandLine.ExitCode.USAGE;
                    }
                    command.getErr().println(command.getCommandName() + ": " + (e instanceof
                            CommandLine.UnmatchedArgumentException unmatched ? unmatched(unmatched) : e.getMessage()));
                    command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
                    command.getErr().flush();
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // A message that says what failed; a stack trace helps no user of these commands.
                    commandLine.getErr().println(commandLine.getCommandName() + " failed: "
                            + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                });
    }

    /**
     * Unknown options named as such, with picocli's nearest known one, and any other leftover called an argument:
     * after an unknown option picocli may leave the input file unmatched too, and it is no option.
     */
    static String unmatched(CommandLine.UnmatchedArgumentException e) {
        List<String> options = e.getUnmatched().stream().filter(arg -> arg.startsWith("-")).toList();
        List<String> others = e.getUnmatched().stream().filter(arg -> !arg.startsWith("-")).toList();
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add("unknown option" + (options.size() == 1 ? " " : "s ") + quoted(options)
                    + (e.getSuggestions().isEmpty() ? "" : " (did you mean " + String.join(" or ",
                    e.getSuggestions()) + "?)"));
        }
        if (!others.isEmpty()) {
            parts.add("unexpected argument" + (others.size() == 1 ? " " : "s ") + quoted(others));
        }
        return String.join("; ", parts);
    }

    private static String quoted(List<String> args) {
        return String.join(", ", args.stream().map(arg -> "'" + arg + "'").toList());
    }

    /** Without a command: say what the commands are, and fail (a script that forgot one should notice). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: pick one of "
                + spec.subcommands().keySet());
    }
}
