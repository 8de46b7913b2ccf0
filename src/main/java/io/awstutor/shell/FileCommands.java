package io.awstutor.shell;

import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(arguments), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not read " + arguments + ": no such file.");
            return true;
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not read " + arguments + ": " + e.getMessage());
            return true;
        }
        snippets(lines).forEach(shell::evaluate);
        return true;
    }

    /**
     * The file's snippets, cut where the shell cuts typed lines: at the line that completes one
     * (unless the next continues a call chain with a dot). javac reads a whole file as one
     * piece, where an expression typed without its semicolon ({@code twice(21)}, as /save
     * writes it) runs into the next line.
     */
    private List<String> snippets(List<String> lines) {
        List<String> snippets = new ArrayList<>();
        StringBuilder snippet = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (snippet.length() == 0 && lines.get(i).isBlank()) {
                continue;
            }
            snippet.append(lines.get(i)).append('\n');
            boolean continued = i + 1 < lines.size() && ChainContinuation.continues(lines.get(i + 1));
            if (!continued && engine.isComplete(snippet.toString())) {
                snippets.add(snippet.toString());
                snippet.setLength(0);
            }
        }
        if (!snippet.toString().isBlank()) {
            snippets.add(snippet.toString()); // unfinished: javac says what is missing
        }
        return snippets;
    }
}
