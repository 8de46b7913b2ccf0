package io.awstutor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code awstutor}: the shell by default, and the subcommands around it.
 * Unknown options print the usage and exit with 2.
 */
@Command(name = "awstutor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An interactive tutorial shell for AWS: lessons, Java snippets, checks against real resource state.",
        subcommands = {ShellCommand.class, SandboxCommand.class, VerifyCommand.class, LintCommand.class,
                ProgressCommand.class, CleanupCommand.class},
        footer = {"", "Without a subcommand, awstutor opens the shell on the embedded sandbox."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Mixin
    ShellOptions shellOptions = new ShellOptions();

    @Override
    public Integer call() throws Exception {
        return new ShellCommand(shellOptions).call();
    }

    public static void main(String[] args) {
        io.awstutor.jshell.Milestones.reached("main");
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            cl.getErr().println("awstutor: " + (exception.getMessage() == null ? exception.toString() : exception.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }
}
