package io.awstutor.shell;

import io.awstutor.jshell.JShellEngine;
import io.awstutor.lesson.TextWrap;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slash commands' dispatch: the table of commands (the lesson loop's from
 * {@link LessonCommands}, jshell's habits from {@link JavaCommands}, files from
 * {@link FileCommands}, {@code /reset} from {@link StepReset}, and what others add, such as
 * the target desk's {@code /target}, {@code /cost} and {@code /cleanup}), aliases, "did you
 * mean", completion of names and arguments, and {@code /help}.
 */
public final class ShellCommands {
    private final ShellIO io;
    private final LessonView view;
    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final CatchUp catchUp;
    private final Map<String, String> aliases = Map.of("exit", "quit", "q", "quit", "h", "help", "?", "help");

    ShellCommands(ShellIO io, Tutor tutor, JShellEngine engine, LessonView view, TutorShell shell, String targetDescription) {
        this.io = io;
        this.view = view;
        LessonCommands lessons = new LessonCommands(io, tutor, view, shell);
        JavaCommands java = new JavaCommands(io, engine, shell);
        this.catchUp = lessons.catchUp();
        add(new SlashCommand("help", "", "this list", a -> help()));
        lessons.commands().forEach(this::add);
        add(new SlashCommand("target", "", "where your clients point", a -> { io.out().println("target: " + targetDescription); return true; }));
        java.listings().forEach(this::add);
        new FileCommands(io, engine, view, shell).commands().forEach(this::add);
        add(new StepReset(io, tutor, view).command());
        add(java.resetJavaCommand());
        add(new SlashCommand("quit", "", "leave (Ctrl-D too); progress is saved", a -> false));
    }

    void add(SlashCommand command) {
        commands.put(command.name(), command);
    }

    /** A command from outside the shell (a workshop's /workshop); {@code run} gets the words after the name. */
    public void add(String name, String usage, String help, java.util.function.Consumer<List<String>> run,
                    java.util.function.Function<Integer, List<String>> argumentCandidates) {
        add(new SlashCommand(name, usage, help, arguments -> {
            run.accept(arguments.isBlank() ? List.of() : List.of(arguments.trim().split("\\s+")));
            return true;
        }, argumentCandidates));
    }

    CatchUp catchUp() {
        return catchUp;
    }

    public List<String> names() {
        return new ArrayList<>(commands.keySet());
    }

    public List<String> argumentCandidates(String name, int index) {
        SlashCommand command = commands.get(aliases.getOrDefault(name, name));
        return command == null ? List.of() : command.argumentCandidates().apply(index);
    }

    /** Runs a command line; returns false when the session should end. */
    boolean run(String line) {
        String body = line.substring(1).trim();
        int space = body.indexOf(' ');
        String name = space < 0 ? body : body.substring(0, space);
        String arguments = space < 0 ? "" : body.substring(space + 1).trim();
        SlashCommand command = commands.get(aliases.getOrDefault(name, name));
        if (command == null) {
            List<String> close = commands.keySet().stream().filter(n -> n.startsWith(name) && !name.isEmpty()).toList();
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Unknown command /" + name
                    + (close.size() == 1 ? ". Did you mean /" + close.get(0) + "?" : ". /help lists the commands."));
            return true;
        }
        if (command.usage().isEmpty() && !arguments.isEmpty()) {
            // running it as if the words were not there hid the mistake (/hint 2, /next 3 did something else)
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "/" + command.name() + " takes no arguments"
                    + " (not '" + arguments + "'). /help lists the commands.");
            return true;
        }
        try {
            return command.handler().run(arguments);
        } catch (RuntimeException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "/" + command.name() + " failed: " + e.getMessage());
            return true;
        }
    }

    /** A page at a time in a terminal: the list is longer than 24 rows, and its top used to scroll away. */
    private boolean help() {
        List<AttributedString> lines = new ArrayList<>();
        for (String intro : List.of("Type Java to run it (clients ready: sts, iam, s3, ec2, rds, ses, cloudfront,"
                + " secretsmanager, rdsdata;"
                + " more with clients.s3(\"eu-west-1\")).", "Tab completes, Shift+Tab shows the documentation of the method"
                + " under the cursor, Ctrl-C stops a snippet.")) {
            OutcomePrinter.wrap(intro, io.width()).forEach(line -> lines.add(new AttributedString(line)));
        }
        for (SlashCommand command : commands.values()) {
            String usage = "/" + command.name() + (command.usage().isEmpty() ? "" : " " + command.usage());
            TextWrap.hanging(String.format("  %-18s ", usage), command.help(), io.width())
                    .forEach(line -> lines.add(new AttributedString(line)));
        }
        io.printAll(lines, "/help");
        return true;
    }
}
