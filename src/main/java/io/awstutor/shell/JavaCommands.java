package io.awstutor.shell;

import io.awstutor.jshell.JShellEngine;

import java.util.List;

/**
 * jshell's own habits, for the learner's Java session: what it holds ({@code /vars},
 * {@code /methods}, {@code /types}, {@code /imports}, {@code /list}, {@code /history}),
 * the last exception ({@code /trace}) and a fresh start ({@code /reset-java}). Everything
 * listed passes through the secret mask and is wrapped to the terminal.
 */
final class JavaCommands {
    private final ShellIO io;
    private final JShellEngine engine;
    private final TutorShell shell;

    JavaCommands(ShellIO io, JShellEngine engine, TutorShell shell) {
        this.io = io;
        this.engine = engine;
        this.shell = shell;
    }

    List<SlashCommand> listings() {
        return List.of(
                new SlashCommand("vars", "", "your variables (jshell's /vars)", a -> listing(engine.variables().stream().map(this::variable).toList())),
                new SlashCommand("methods", "", "your methods", a -> listing(engine.methods())),
                new SlashCommand("types", "", "your classes, records, interfaces", a -> listing(engine.types())),
                new SlashCommand("imports", "", "the active imports", a -> listing(engine.imports())),
                new SlashCommand("list", "", "the snippets you typed", a -> listing(engine.learnerSnippets())),
                new SlashCommand("history", "", "everything you typed, commands too", a -> listing(io.history())),
                new SlashCommand("trace", "", "the full stack trace of the last exception", a -> trace()));
    }

    SlashCommand resetJavaCommand() {
        return new SlashCommand("reset-java", "", "start a fresh Java session (jshell's /reset)", a -> resetJava());
    }

    /**
     * One line of /vars as a learner reads it: {@code GetUserResponse $3 = …} with simple type
     * names, a client as what it is, and a long answer cut (its name shows it whole). jshell's own
     * form listed three SDK answers over 60 lines, each type in full and each client as its hash.
     */
    private String variable(String unmasked) {
        String line = shell.secrets().mask(unmasked); // before any cut, which could leave part of a secret unmasked
        int equals = line.indexOf(" = ");
        if (equals < 0) {
            return line;
        }
        String declaration = line.substring(0, equals).replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
        String name = declaration.substring(declaration.lastIndexOf(' ') + 1);
        String value = line.substring(equals + 3);
        int room = Math.max(20, io.width() - declaration.length() - 5);
        String shown = ValueFormatter.describeClient(name, value, room).or(() -> ValueFormatter.describeBuilder(value)).orElse(value);
        int longest = 2 * io.width();
        if (shown.length() > longest) {
            shown = shown.substring(0, longest - 40) + "… (" + name + " shows it all)";
        }
        return declaration + " = " + shown;
    }

    private boolean listing(List<String> lines) {
        if (lines.isEmpty()) {
            io.out().println("(none)");
        }
        lines.forEach(l -> OutcomePrinter.wrap("  " + shell.secrets().mask(l), io.width()).forEach(io.out()::println));
        return true;
    }

    private boolean trace() {
        String trace = shell.secrets().mask(engine.lastTrace().orElse("No exception yet."));
        OutcomePrinter.wrap(trace.stripTrailing(), io.width()).forEach(io.out()::println);
        return true;
    }

    private boolean resetJava() {
        engine.reset();
        io.out().println("A fresh Java session: your variables and methods are gone; the clients are ready again.");
        return true;
    }
}
