package io.awstutor.shell;

import io.awstutor.durable.DurableFiles;
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
        Path file = path(arguments);
        List<String> sources = engine.learnerSnippets().stream().map(s -> s.substring(s.indexOf(": ") + 2)).toList();
        if (sources.isEmpty()) {
            // a fresh session (after a restart or /reset-java) would otherwise empty yesterday's file
            io.out().println("Nothing to save: no snippets in this Java session yet"
                    + (Files.exists(file) ? " (" + file + " is left as it was)." : "."));
            return true;
        }
        try {
            DurableFiles.write(file, (String.join("\n", sources) + "\n").getBytes(StandardCharsets.UTF_8));
            io.out().println("Saved " + sources.size() + " snippet(s) to " + file + ".");
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not save to " + file + ": " + problem(file, e));
        }
        return true;
    }

    private boolean open(String arguments) {
        if (arguments.isBlank()) {
            io.out().println("Usage: /open FILE");
            return true;
        }
        Path file = path(arguments);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Could not read " + file + ": " + problem(file, e));
            return true;
        }
        snippets(lines).forEach(shell::evaluate);
        return true;
    }

    /** The file a learner means: quotes around a name with spaces, and {@code ~} for their home, as their shell reads them. */
    static Path path(String argument) {
        String name = argument.strip();
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"))) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("~") || name.startsWith("~/")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name);
    }

    /** Why, in words: Java's own messages for these are only the path again. */
    private static String problem(Path file, IOException e) {
        Path folder = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException) {
            return folder != null && !Files.isDirectory(folder) ? "there is no folder " + folder + "." : "no such file.";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied.";
        }
        if (Files.isDirectory(file)) {
            return "that is a folder.";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
