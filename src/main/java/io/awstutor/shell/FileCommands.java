package io.awstutor.shell;

import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The learner's snippets to and from files: {@code /save FILE} and {@code /open FILE}. */
final class FileCommands {
    private final ShellIO io;
    private final io.awstutor.jshell.JShellEngine engine;
    private final LessonView view;
    private final TutorShell shell;

    FileCommands(ShellIO io, io.awstutor.jshell.JShellEngine engine, LessonView view, TutorShell shell) {
        this.io = io;
        this.engine = engine;
        this.view = view;
        this.shell = shell;
    }

    List<SlashCommand> commands() {
        return List.of(
                new SlashCommand("save", "FILE", "save your snippets to a file", this::save),
                new SlashCommand("open", "FILE", "run the Java in a file", this::open));
    }

    private boolean save(String arguments) {
        if (arguments.isBlank()) {
            io.out().println("Usage: /save FILE");
            return true;
        }
        try {
            List<String> sources = engine.learnerSnippets().stream().map(s -> s.substring(s.indexOf(": ") + 2)).toList();
            Files.writeString(Path.of(arguments), String.join("\n", sources) + "\n", StandardCharsets.UTF_8);
            io.out().println("Saved " + sources.size() + " snippet(s) to " + arguments + ".");
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not save to " + arguments + ": " + e.getMessage());
        }
        return true;
    }

    private boolean open(String arguments) {
        if (arguments.isBlank()) {
            io.out().println("Usage: /open FILE");
            return true;
        }
        try {
            shell.evaluate(Files.readString(Path.of(arguments), StandardCharsets.UTF_8));
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not read " + arguments + ": " + e.getMessage());
        }
        return true;
    }
}
