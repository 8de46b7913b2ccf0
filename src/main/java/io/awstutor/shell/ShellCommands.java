package io.awstutor.shell;

import io.awstutor.check.Verdict;
import io.awstutor.cost.Cleaner;
import io.awstutor.cost.Ledger;
import io.awstutor.cost.LedgerEntry;
import io.awstutor.cost.LedgerRecorder;
import io.awstutor.cost.PriceTable;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.TargetSettings;
import io.awstutor.jshell.JShellEngine;
import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.TextWrap;
import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slash commands: the lesson loop's ({@code /hint}, {@code /check}, {@code /next}, ...)
 * and jshell's own habits ({@code /vars}, {@code /list}, {@code /history}, {@code /save}, ...).
 */
public final class ShellCommands {
    private final ShellIO io;
    private final Tutor tutor;
    private final JShellEngine engine;
    private final LessonView view;
    private final TutorShell shell;
    private final String targetDescription;
    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final CatchUp catchUp;
    private final Map<String, String> aliases = Map.of("exit", "quit", "q", "quit", "h", "help", "?", "help");

    ShellCommands(ShellIO io, Tutor tutor, JShellEngine engine, LessonView view, TutorShell shell, String targetDescription) {
        this.io = io;
        this.tutor = tutor;
        this.engine = engine;
        this.view = view;
        this.shell = shell;
        this.targetDescription = targetDescription;
        this.catchUp = new CatchUp(io, tutor, view, shell);
        add(new SlashCommand("help", "", "this list", a -> help()));
        add(new SlashCommand("lessons", "", "all lessons: done, in progress or new", a -> { view.showLessons(); return true; }));
        add(new SlashCommand("lesson", "ID [STEP]", "go to a lesson (and a step number)", this::lesson,
                index -> index == 1 ? tutor.catalog().lessons().stream().map(Lesson::id).toList() : stepNumbers()));
        add(new SlashCommand("step", "", "show the current step again", a -> { view.showStep(false); return true; }));
        add(new SlashCommand("next", "", "go to the next step", a -> next()));
        add(new SlashCommand("prev", "", "go back one step", a -> prev()));
        add(new SlashCommand("skip", "", "leave this step undone and go on", a -> skip()));
        add(new SlashCommand("check", "", "check the current step now", a -> check()));
        add(new SlashCommand("catchup", "", "rebuild what this lesson's earlier steps made (after a restart)", a -> catchUp.run()));
        add(new SlashCommand("hint", "", "the next hint, from gentle to explicit", a -> hint()));
        add(new SlashCommand("solution", "", "show one solution (marks the step solved with help)", a -> solution()));
        add(new SlashCommand("answer", "N", "answer the step's question", this::answer));
        add(new SlashCommand("progress", "", "your progress, per lesson and overall", a -> { view.showProgress(); return true; }));
        add(new SlashCommand("target", "", "where your clients point", a -> { io.out().println("target: " + targetDescription); return true; }));
        add(new SlashCommand("vars", "", "your variables (jshell's /vars)", a -> listing(engine.variables())));
        add(new SlashCommand("methods", "", "your methods", a -> listing(engine.methods())));
        add(new SlashCommand("types", "", "your classes, records, interfaces", a -> listing(engine.types())));
        add(new SlashCommand("imports", "", "the active imports", a -> listing(engine.imports())));
        add(new SlashCommand("list", "", "the snippets you typed", a -> listing(engine.learnerSnippets())));
        add(new SlashCommand("history", "", "everything you typed, commands too", a -> listing(io.history())));
        add(new SlashCommand("trace", "", "the full stack trace of the last exception", a -> trace()));
        add(new SlashCommand("save", "FILE", "save your snippets to a file", this::save));
        add(new SlashCommand("open", "FILE", "run the Java in a file", this::open));
        add(new SlashCommand("reset", "", "undo this step: delete what it created and start it again", a -> resetStep()));
        add(new SlashCommand("reset-java", "", "start a fresh Java session (jshell's /reset)", a -> resetJava()));
        add(new SlashCommand("quit", "", "leave (Ctrl-D too); progress is saved", a -> false));
    }

    void add(SlashCommand command) {
        commands.put(command.name(), command);
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

    private List<String> stepNumbers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= tutor.lesson().steps().size(); i++) {
            numbers.add(String.valueOf(i));
        }
        return numbers;
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
        try {
            return command.handler().run(arguments);
        } catch (RuntimeException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "/" + command.name() + " failed: " + e.getMessage());
            return true;
        }
    }

    private boolean help() {
        view.line(AttributedStyle.DEFAULT, "Type Java to run it (clients ready: sts, iam, s3, ec2, rds, ses, cloudfront;"
                + " more with clients.s3(\"eu-west-1\")).");
        view.line(AttributedStyle.DEFAULT, "Tab completes, Shift+Tab shows the documentation of the method under the cursor,"
                + " Ctrl-C stops a snippet.");
        for (SlashCommand command : commands.values()) {
            String usage = "/" + command.name() + (command.usage().isEmpty() ? "" : " " + command.usage());
            TextWrap.hanging(String.format("  %-18s ", usage), command.help(), io.width()).forEach(io.out()::println);
        }
        return true;
    }

    private boolean lesson(String arguments) {
        String[] parts = arguments.split("\\s+");
        if (arguments.isBlank()) {
            view.showLessons();
            return true;
        }
        Optional<Lesson> lesson = tutor.catalog().find(parts[0]);
        if (lesson.isEmpty()) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "No lesson '" + parts[0] + "'. /lessons lists them.");
            return true;
        }
        int step = 0;
        if (parts.length > 1) {
            try {
                step = Integer.parseInt(parts[1]) - 1;
            } catch (NumberFormatException e) {
                view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "The step is a number, 1 to " + lesson.get().steps().size() + ".");
                return true;
            }
        }
        int steps = lesson.get().steps().size();
        if (step < 0 || step >= steps) {
            io.out().println(lesson.get().id() + " has steps 1 to " + steps + "; here is step " + (step < 0 ? 1 : steps) + ".");
        }
        tutor.goTo(lesson.get(), step);
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    private boolean next() {
        if (tutor.step().isReadingOnly()) {
            tutor.markReadingDone();
        } else if (!tutor.isStepDone()) {
            Verdict verdict = tutor.check();
            if (verdict.passed()) {
                view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Step done: " + tutor.step().title() + ".");
            } else {
                view.line(AttributedStyle.DEFAULT.faint(), "(Moving on with this step not done: " + verdict.message() + ")");
            }
        }
        if (!tutor.next()) {
            view.line(AttributedStyle.BOLD, view.whatComesNext());
            return true;
        }
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    private boolean prev() {
        if (!tutor.prev()) {
            io.out().println("This is the first step.");
            return true;
        }
        view.showStep(false);
        return true;
    }

    private boolean skip() {
        if (!tutor.next()) {
            io.out().println("This is the last step.");
            return true;
        }
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    private boolean check() {
        if (tutor.step().isReadingOnly()) {
            io.out().println("Nothing to check in this step: /next when you are ready.");
            return true;
        }
        if (tutor.isStepDone()) {
            Verdict verdict = tutor.check();
            view.line(AttributedStyle.DEFAULT.foreground(verdict.passed() ? AttributedStyle.GREEN : AttributedStyle.YELLOW),
                    verdict.passed() ? "✓ Still done." : "· Done before, but now: " + verdict.message());
            return true;
        }
        Verdict verdict = tutor.check();
        if (verdict.passed()) {
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Step done: " + tutor.step().title() + ".");
            shell.advance();
        } else {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "· Not yet: " + verdict.message());
        }
        return true;
    }

    private boolean hint() {
        Optional<Tutor.Hint> hint = tutor.nextHint();
        if (hint.isEmpty()) {
            io.out().println("This step has no hints." + (tutor.step().solution().isPresent() ? " /solution shows one way." : ""));
            return true;
        }
        Tutor.Hint h = hint.get();
        view.line(AttributedStyle.BOLD, "Hint " + h.number() + " of " + h.total() + ":");
        view.markdown(h.text());
        view.line(AttributedStyle.DEFAULT.faint(), h.remaining() > 0
                ? "(" + h.remaining() + " more with /hint)" : "(that was the last hint; /solution shows one way)");
        return true;
    }

    private boolean solution() {
        if (tutor.step().quiz().isPresent()) {
            io.out().println("This step is a question: answer it with /answer N (/hint helps).");
            return true;
        }
        boolean doneAlready = tutor.isStepDone();
        Optional<String> solution = tutor.solution();
        if (solution.isEmpty()) {
            io.out().println(tutor.step().isReadingOnly()
                    ? "Nothing to solve in this step: /next when you are ready." : "This step has no reference solution.");
            return true;
        }
        view.line(AttributedStyle.BOLD, doneAlready ? "One way to do it:" : "One way to do it (the step now counts as solved with help):");
        view.markdown("```java\n" + solution.get() + "\n```");
        if (io.interactive()) {
            view.line(AttributedStyle.DEFAULT.faint(), "(It is on your input line: edit it or press Enter to run it.)");
            shell.offerInput(solution.get());
        }
        return true;
    }

    private boolean answer(String arguments) {
        if (tutor.step().quiz().isEmpty()) {
            io.out().println("This step has no question to answer.");
            return true;
        }
        int choices = tutor.step().quiz().get().choices().size();
        int choice;
        try {
            choice = Integer.parseInt(arguments.trim());
        } catch (NumberFormatException e) {
            choice = -1;
        }
        if (choice < 1 || choice > choices) {
            io.out().println("Answer with a number from 1 to " + choices + ", e.g. /answer 2.");
            return true;
        }
        tutor.answer(choice);
        Verdict verdict = tutor.check();
        if (verdict.passed()) {
            String explanation = tutor.step().quiz().get().explanation();
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Right.");
            if (!explanation.isBlank()) {
                view.markdown(explanation);
            }
            shell.advance();
        } else {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "· " + verdict.message());
        }
        return true;
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

    /**
     * Brings the step back to its start: what its calls created is deleted through the same
     * cleaner as /cleanup (dependency order, waits, no final snapshots), on the sandbox at
     * once and elsewhere after a yes; then the step is not done and its hints start over.
     */
    private boolean resetStep() {
        java.util.List<CallRecord> calls = tutor.callsThisStep();
        java.nio.file.Path scratch = null;
        try {
            scratch = java.nio.file.Files.createTempDirectory("awstutor-reset");
            Ledger created = Ledger.open(scratch, io.out());
            new LedgerRecorder(created, PriceTable.bundled(), java.time.Clock.systemUTC())
                    .record(new LedgerRecorder.Place("reset", "", tutor.lesson().id()), calls);
            java.util.List<LedgerEntry> entries = created.entries();
            if (!entries.isEmpty()) {
                boolean sandbox = tutor.checkClients().settings().kind() == TargetSettings.TargetKind.SANDBOX;
                if (!sandbox && !io.confirm("Delete the " + entries.size() + " resource(s) this step created on "
                        + tutor.checkClients().settings().describe() + "?")) {
                    io.out().println("Nothing deleted; the step stays as it is.");
                    return true;
                }
                Cleaner.Result result = new Cleaner(tutor.checkClients(), created,
                        line -> io.out().println("  " + line)).clean(entries, true);
                if (result.failed() > 0) {
                    view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), result.failed()
                            + " deletion(s) failed (above); the step is reset anyway, /cleanup can try again.");
                }
            }
            tutor.resetStep();
            io.out().println(entries.isEmpty() ? "This step had created nothing; it starts again."
                    : "Undone: the step starts again from where it began.");
            view.showStep(false);
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "/reset failed: " + e.getMessage());
        } finally {
            if (scratch != null) {
                try (var files = java.nio.file.Files.walk(scratch)) {
                    for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                } catch (IOException ignored) {
                    // a temp folder
                }
            }
        }
        return true;
    }

    private boolean resetJava() {
        engine.reset();
        io.out().println("A fresh Java session: your variables and methods are gone; the clients are ready again.");
        return true;
    }
}
