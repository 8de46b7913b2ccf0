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
                new SlashCommand("vars", "", "your variables (jshell's /vars)", a -> listing(engine.variables())),
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
