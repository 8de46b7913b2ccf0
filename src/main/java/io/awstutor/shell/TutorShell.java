package io.awstutor.shell;

import io.awstutor.check.Verdict;
import io.awstutor.jshell.CallLogReader;
import io.awstutor.jshell.JShellEngine;
import io.awstutor.jshell.Milestones;
import io.awstutor.jshell.SnippetOutcome;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.TargetSettings;
import io.awstutor.target.Targets;
import org.jline.utils.AttributedStyle;

import java.util.List;
import java.util.Optional;

/**
 * The learner's shell: reads lines (a slash command, or Java that may span lines), runs
 * them, shows what each snippet did and changed, and checks the current step after every
 * snippet, rustlings-style: done moves on by itself, not yet says what is missing.
 */
public final class TutorShell {
    private final ShellIO io;
    private final Tutor tutor;
    private final JShellEngine engine;
    private final LessonView view;
    private final ShellCommands commands;
    private String pendingInput;
    private SessionHooks hooks = SessionHooks.NONE;
    private SecretMask secrets = new SecretMask();
    private Runnable releaseLearnerOutput = () -> { };
    private boolean endOfInput;
    private boolean madeChanges;

    public TutorShell(ShellIO io, Tutor tutor, JShellEngine engine, String targetDescription) {
        this.io = io;
        this.tutor = tutor;
        this.engine = engine;
        this.view = new LessonView(io, tutor);
        this.commands = new ShellCommands(io, tutor, engine, view, this, targetDescription);
    }

    public ShellCommands commands() {
        return commands;
    }

    public void hooks(SessionHooks sessionHooks) {
        this.hooks = sessionHooks;
    }

    /**
     * The mask the learner's own output passes through ({@code releaseOutput} passes on a
     * line left unfinished when a snippet ends); values and listings use it too.
     */
    public void secrets(SecretMask mask, Runnable releaseOutput) {
        this.secrets = mask;
        this.releaseLearnerOutput = releaseOutput;
    }

    SecretMask secrets() {
        return secrets;
    }

    public SessionHooks hooks() {
        return hooks;
    }

    /** Runs until /quit or the end of input; returns the process exit code. */
    public int run() {
        greet();
        timing("prompt");
        hooks.firstStepShown();
        StringBuilder snippet = new StringBuilder();
        String pushedBack = null;
        while (true) {
            if (snippet.length() == 0) {
                hooks.notices().forEach(notice -> view.line(AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA), notice));
            }
            String prompt = snippet.length() == 0 ? prompt() : continuationPrompt();
            String initial = pendingInput;
            pendingInput = null;
            Optional<String> read = pushedBack != null ? Optional.of(pushedBack)
                    : engine.whileLearnerReads(() -> io.readLine(prompt, initial));
            pushedBack = null;
            if (read.isEmpty()) {
                if (snippet.length() > 0) {
                    view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "The input ended inside an unfinished"
                            + " snippet (a '{', '(' or string not closed); it runs as it stands:");
                    evaluate(snippet.toString());
                }
                break;
            }
            String line = read.get();
            if (snippet.length() == 0 && isCommand(line)) {
                if (!commands.run(line.trim())) {
                    break;
                }
                continue;
            }
            if (snippet.length() == 0 && line.isBlank()) {
                continue;
            }
            if (snippet.length() == 0 && isQuizChoice(line)) {
                // at a question a bare number is an answer, not Java's "$1 ==> 2"
                view.line(AttributedStyle.DEFAULT.faint(), "(taken as /answer " + line.trim() + ")");
                commands.run("/answer " + line.trim());
                continue;
            }
            snippet.append(line).append('\n');
            while (engine.isComplete(snippet.toString())) {
                if (!io.interactive()) {
                    // A script may break a call chain before its dots, as pasted code does:
                    // "var c = S3Client.builder()" then ".region(...)": look at the next line first.
                    Optional<String> next = io.readLine("", null);
                    if (ChainContinuation.continues(next.orElse(null))) {
                        snippet.append(next.get()).append('\n');
                        continue;
                    }
                    pushedBack = next.orElse(null);
                    endOfInput = next.isEmpty();
                }
                evaluate(snippet.toString());
                snippet.setLength(0);
                timing("evaluated");
                break;
            }
            if (endOfInput) {
                break;
            }
        }
        hooks.beforeQuit();
        io.out().flush();
        return 0;
    }

    /** For scripts/bench-startup: with AWSTUTOR_TIMING set, when each milestone is reached. */
    private static void timing(String event) {
        Milestones.reached(event);
    }

    /** A number from 1 to the count of choices, typed at a question. */
    private boolean isQuizChoice(String line) {
        String trimmed = line.trim();
        return trimmed.matches("[1-9][0-9]?") && tutor.step().quiz()
                .map(quiz -> Integer.parseInt(trimmed) <= quiz.choices().size()).orElse(false);
    }

    static boolean isCommand(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*");
    }

    private void greet() {
        boolean resuming = tutor.progress().currentLesson != null;
        if (io.interactive()) {
            view.line(AttributedStyle.BOLD, "awstutor — learn AWS by doing it. /help lists the commands; /quit leaves.");
        }
        if (resuming) {
            view.line(AttributedStyle.DEFAULT.faint(), "Welcome back: " + tutor.lesson().title() + ", step " + tutor.stepNumber() + ".");
        }
        for (var problem : tutor.catalog().problems()) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "! lesson not loaded: " + problem.getMessage());
        }
        view.showStep(tutor.stepNumber() == 1);
        if (resuming && commands.catchUp().worthOffering()) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "The " + tutor.checkClients().settings().describe()
                    + " starts empty each session, and Java forgot your variables: what "
                    + (tutor.stepNumber() == 2 ? "step 1" : "steps 1-" + (tutor.stepNumber() - 1)) + " made is gone. /catchup runs their solutions again to rebuild it.");
        }
    }

    String prompt() {
        String text = tutor.lesson().id() + " " + tutor.stepNumber() + "/" + tutor.lesson().steps().size() + " ❯ ";
        if (!io.interactive()) {
            return "";
        }
        return hooks.promptTag(io.color()) + (io.color() ? "\u001b[1;36m" + text + "\u001b[0m" : text);
    }

    private String continuationPrompt() {
        return io.interactive() ? "   ... " : "";
    }

    /** Puts text on the next input line for the learner to edit (the /solution offer). */
    void offerInput(String text) {
        pendingInput = text;
    }

    /** Whether a snippet of this session changed anything on the target. */
    boolean madeChanges() {
        return madeChanges;
    }

    /** What a quiet run did: the outcomes (values unprinted) and the calls. */
    record Quiet(List<SnippetOutcome> outcomes, List<CallRecord> calls) {
    }

    /** Runs a snippet for /catchup: interruptible, followed by the ledger, not shown, not checked. */
    Quiet evaluateQuietly(String source) {
        List<SnippetOutcome>[] holder = new List[1];
        List<CallRecord> calls = run(source, holder);
        hooks.afterCalls(calls);
        madeChanges |= !ChangeDescriber.describe(calls).isEmpty();
        warnUnreadable(calls);
        return new Quiet(holder[0], calls);
    }

    /** Runs a snippet, reports it, and checks the step. */
    void evaluate(String source) {
        List<SnippetOutcome>[] holder = new List[1];
        List<CallRecord> calls = run(source, holder);
        List<SnippetOutcome> outcomes = holder[0];
        tutor.recordCalls(calls);
        hooks.afterCalls(calls);
        madeChanges |= !ChangeDescriber.describe(calls).isEmpty();
        OutcomePrinter printer = new OutcomePrinter(io, secrets);
        for (SnippetOutcome outcome : outcomes) {
            printer.print(outcome, calls);
        }
        for (String change : ChangeDescriber.describe(calls)) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE), change);
        }
        warnUnreadable(calls);
        calls.stream().filter(DenialExplainer::isDenial).reduce((a, b) -> b).ifPresent(denied -> {
            for (String line : new DenialExplainer(tutor.checkClients()).explain(denied)) {
                view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA), line);
            }
        });
        boolean ran = outcomes.stream().noneMatch(o -> o instanceof SnippetOutcome.CompileError);
        if (ran && !tutor.step().isReadingOnly() && !tutor.isStepDone()) {
            checkStep(!calls.isEmpty());
        }
    }

    /** A call the log lost may have created something the ledger now misses: the learner must know. */
    private void warnUnreadable(List<CallRecord> calls) {
        calls.stream().filter(c -> CallLogReader.UNREADABLE.equals(c.operation())).forEach(c -> view.line(
                AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "! " + c.errorMessage() + ": if a call of this snippet"
                        + " created something, the ledger does not know it, and /cost and /cleanup will miss it."));
    }

    /**
     * Evaluates with Ctrl-C stopping it and a {@link WaitWatch} saying what a long snippet
     * waits for; returns every call the snippet made, those read while it ran first.
     */
    private List<CallRecord> run(String source, List<SnippetOutcome>[] holder) {
        AttributedStyle faint = AttributedStyle.DEFAULT.faint();
        WaitWatch watch = new WaitWatch(engine::drainCalls, engine::isReady, text -> {
            view.line(faint, text);
            io.out().flush();
        }, pace());
        List<CallRecord> calls = new java.util.ArrayList<>();
        secrets.learnFromSource(source);
        try {
            io.whileInterruptible(() -> holder[0] = engine.eval(source), engine::stop, watch::lastCall);
        } finally {
            calls.addAll(watch.stop());
            releaseLearnerOutput.run();
        }
        calls.addAll(engine.drainCalls());
        learnSecretVariables();
        return calls;
    }

    /** A variable named like a secret (password, secretKey …) holds one: its value is masked wherever it shows. */
    private void learnSecretVariables() {
        try {
            engine.varSnippets().stream().filter(v -> SecretMask.namesASecret(v.name()))
                    .forEach(v -> engine.varValue(v).ifPresent(value -> secrets.learnVariable(v.name(), value)));
        } catch (RuntimeException e) {
            // the Java session ended; its variables are gone with it
        }
    }

    /** The target's pace against AWS's: the shell's sandbox runs quicker (AWSTUTOR_SANDBOX_TIME_SCALE). */
    private double pace() {
        if (tutor.checkClients().settings().kind() != TargetSettings.TargetKind.SANDBOX) {
            return 1;
        }
        try {
            return Targets.sandboxPace(System.getenv("AWSTUTOR_SANDBOX_TIME_SCALE"));
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /** Checks the current step; on success says so and moves to the next one. */
    void checkStep(boolean sayNotYet) {
        Verdict verdict = tutor.check();
        if (verdict.passed()) {
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Step done: " + tutor.step().title() + ".");
            advance();
        } else if (sayNotYet) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "· Not yet: " + verdict.message());
        }
    }

    /**
     * After a step is done: the next step of the lesson at once; at a lesson's end the shell
     * stops and says so, so that the last output, "Step done" and "Lesson complete" stay on
     * the screen instead of scrolling away under the next lesson's first page.
     */
    void advance() {
        boolean lastOfLesson = tutor.stepNumber() == tutor.lesson().steps().size();
        if (!lastOfLesson) {
            tutor.next();
            io.out().println();
            view.showStep(false);
            return;
        }
        int done = tutor.doneCount(tutor.lesson());
        int steps = tutor.lesson().steps().size();
        if (done == steps) {
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "★ Lesson complete: " + tutor.lesson().title() + ".");
        } else {
            view.line(AttributedStyle.BOLD, "That was the lesson's last step; " + (steps - done) + " of its " + steps
                    + " steps are not done yet (/progress, /lesson " + tutor.lesson().id() + " N goes back).");
        }
        view.line(AttributedStyle.BOLD, view.whatComesNext());
    }
}
