package io.awstutor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code awstutor}: the shell by default, and the subcommands around it.
 * Unknown options print the usage and exit with 2.
 */
@Command(name = "awstutor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An interactive tutorial shell for AWS: lessons, Java snippets, checks against real resource state.",
        footer = {"", "Without a subcommand, awstutor opens the shell on the embedded sandbox."})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /**
     * The subcommands, by name, in the order the usage lists them. They are registered per run
     * (see {@link #subcommandsFor}) rather than in {@code @Command}: picocli builds a model of
     * every registered command by reflection before it parses, and building all of them cost
     * a start about a quarter of its main thread's time.
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommandTable();

    private static java.util.Map<String, Class<?>> subcommandTable() {
        java.util.Map<String, Class<?>> table = new java.util.LinkedHashMap<>();
        table.put("shell", ShellCommand.class);
        table.put("sandbox", SandboxCommand.class);
        table.put("verify", VerifyCommand.class);
        table.put("lint", LintCommand.class);
        table.put("progress", ProgressCommand.class);
        table.put("cleanup", CleanupCommand.class);
        table.put("workshop", WorkshopCommand.class);
        return java.util.Collections.unmodifiableMap(table);
    }

    @CommandLine.Mixin
    ShellOptions shellOptions = new ShellOptions();

    private final StartAhead ahead;

    private Main(StartAhead ahead) {
        this.ahead = ahead;
    }

    @Override
    public Integer call() throws Exception {
        return new ShellCommand(shellOptions, ahead).call();
    }

    public static void main(String[] args) {
        io.awstutor.jshell.Milestones.reached("main");
        // picocli's factory otherwise looks for Groovy's Closure class on the class path at
        // its first use: a miss, which opened and indexed the 50,000-entry jar on the main
        // thread (about 30 ms of every start; classes from the start-up archive need no jar)
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        StartAhead ahead = StartAhead.begin(args);
        System.exit(run(ahead, args));
    }

    public static int run(String... args) {
        return run(StartAhead.NONE, args);
    }

    private static int run(StartAhead ahead, String... args) {
        CommandLine lean = commandLine(ahead, subcommandsFor(args));
        // a mistake on the command line is answered by the whole command, whose usage lists every subcommand
        lean.setParameterExceptionHandler((mistake, again) -> commandLine(ahead, SUBCOMMANDS.values()).execute(again));
        return lean.execute(args);
    }

    private static CommandLine commandLine(StartAhead ahead, java.util.Collection<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new Main(ahead), new AheadFactory(ahead));
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            cl.getErr().println("awstutor: " + (exception.getMessage() == null ? exception.toString() : exception.getMessage()));
            return 1;
        });
        return commandLine;
    }

    /**
     * picocli's factory, which hands the lessons parsed ahead to {@code awstutor shell} too (it
     * parsed them a second time). {@code awstutor sandbox} deliberately does not wait for the
     * warm-up: started side by side, the two finish sooner on two cores than one after the
     * other (first answer 318 vs 345 ms, medians of 9).
     */
    private record AheadFactory(StartAhead ahead) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ShellCommand.class) {
                return type.cast(new ShellCommand(new ShellOptions(), ahead));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /**
     * The subcommands this command line needs: the one it names first; none when it names none
     * (the shell with its options); every one for help and version, and when a subcommand's
     * name comes later (the value of an option, or a subcommand after the shell's options).
     */
    static java.util.Collection<Class<?>> subcommandsFor(String... args) {
        java.util.List<String> words = java.util.List.of(args);
        boolean help = words.stream().anyMatch(w -> w.equals("-h") || w.equals("--help") || w.equals("-V")
                || w.equals("--version") || w.equals("help"));
        if (!help && args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            return java.util.List.of(SUBCOMMANDS.get(args[0]));
        }
        if (!help && words.stream().noneMatch(SUBCOMMANDS::containsKey)) {
            return java.util.List.of();
        }
        return SUBCOMMANDS.values();
    }
}
