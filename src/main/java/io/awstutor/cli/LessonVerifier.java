package io.awstutor.cli;

import io.awstutor.check.Verdict;
import io.awstutor.jshell.JShellEngine;
import io.awstutor.jshell.SnippetOutcome;
import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.Step;
import io.awstutor.progress.Progress;
import io.awstutor.progress.ProgressStore;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.shell.OutcomeText;
import io.awstutor.shell.Tutor;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import io.awstutor.target.Target;
import io.awstutor.target.TargetRequest;
import io.awstutor.target.Targets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves that every step of a lesson can fail and can pass: on a fresh sandbox, the step's
 * check must fail first, then pass once the reference solution has run (a quiz: unanswered
 * fails, the right answer passes). Steps run in order, so later steps see what earlier
 * solutions built, as a learner's would.
 */
public final class LessonVerifier {

    /** One step's result: ok, or what went wrong, for the one-line report. */
    public record StepResult(String lessonId, int number, String stepId, boolean ok, String detail) {
    }

    private final double timeScale;
    private final TargetRequest target;

    public LessonVerifier(double timeScale) {
        this(timeScale, null);
    }

    /** @param target where to verify (a fresh one per lesson); null for the embedded sandbox */
    public LessonVerifier(double timeScale, TargetRequest target) {
        this.timeScale = timeScale;
        this.target = target;
    }

    private Target openTarget() throws IOException {
        if (target != null && !target.name().equals("sandbox")) {
            return Targets.open(target);
        }
        Sandbox sandbox = Sandbox.start(SandboxOptions.inMemory().withTimeScale(timeScale)
                .withEngines(io.awstutor.sandbox.engines.EngineSettings.fromEnvironment())
                // a step's solution is code: nobody clicks a verification link during `awstutor verify`
                .withSesAutoVerify(true));
        return new Target(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, sandbox.endpoint(),
                Sandbox.DEFAULT_REGION, Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY), sandbox);
    }

    public List<StepResult> verify(Lesson lesson) throws IOException {
        List<StepResult> results = new ArrayList<>();
        Path home = Files.createTempDirectory("awstutor-verify");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Target opened = openTarget()) {
            TargetSettings settings = opened.settings();
            Progress progress = Progress.fresh();
            try (JShellEngine engine = new JShellEngine(settings, quiet, new ByteArrayInputStream(new byte[0]),
                    java.util.Map.of("prefix", progress.learnerPrefix)).start()) {
                Tutor tutor = new Tutor(new LessonCatalog(List.of(lesson), List.of()), progress, new ProgressStore(home),
                        engine, new ClientFactory(settings));
                tutor.goTo(lesson, 0);
                for (int i = 0; i < lesson.steps().size(); i++) {
                    tutor.goTo(lesson, i);
                    results.add(verifyStep(tutor, engine, lesson, i));
                }
            }
        } finally {
            deleteTree(home);
        }
        return results;
    }

    private StepResult verifyStep(Tutor tutor, JShellEngine engine, Lesson lesson, int index) {
        Step step = lesson.steps().get(index);
        int number = index + 1;
        if (step.isReadingOnly()) {
            return new StepResult(lesson.id(), number, step.id(), true, "reading only");
        }
        // The solution still runs where the target lacks what the step needs: its other calls
        // (creating, restoring) are what later steps build on.
        java.util.Optional<String> unmet = io.awstutor.shell.UnmetNeeds.of(step, tutor.checkClients().settings());
        Verdict before = tutor.check();
        if (before.passed()) {
            return new StepResult(lesson.id(), number, step.id(), false, "its check passes before anything was done");
        }
        if (step.quiz().isPresent()) {
            tutor.answer(step.quiz().get().answer());
        } else {
            String solution = tutor.substitute(step.solution().orElseThrow());
            List<SnippetOutcome> outcomes = engine.eval(solution);
            List<io.awstutor.jshell.agent.CallRecord> calls = engine.drainCalls();
            tutor.recordCalls(calls);
            // A step about a deliberate mistake expects its solution to be refused by AWS.
            boolean mistakeExpected = step.checks().stream().anyMatch(c -> c instanceof io.awstutor.check.CallFailedCheck);
            for (SnippetOutcome outcome : outcomes) {
                if (mistakeExpected && outcome instanceof SnippetOutcome.Failed failed && failed.awsError()) {
                    continue;
                }
                String problem = OutcomeText.problem(outcome, calls);
                if (problem != null && unmet.isPresent()) {
                    return notVerified(lesson, number, step, unmet.get());
                }
                if (problem != null) {
                    return new StepResult(lesson.id(), number, step.id(), false, "the solution fails: " + problem);
                }
            }
        }
        Verdict after = tutor.check();
        if (!after.passed() && unmet.isPresent()) {
            return notVerified(lesson, number, step, unmet.get());
        }
        if (!after.passed()) {
            return new StepResult(lesson.id(), number, step.id(), false, "its check still fails after the solution: " + after.message());
        }
        return new StepResult(lesson.id(), number, step.id(), true, "fails first (" + before.message() + "), passes after the solution");
    }

    /** The target lacks what the step needs: not the lesson's fault, and said as such. */
    private static StepResult notVerified(Lesson lesson, int number, Step step, String why) {
        return new StepResult(lesson.id(), number, step.id(), true, "not verified here: " + why);
    }

    public static List<Lesson> select(LessonCatalog catalog, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalog.lessons();
        }
        List<Lesson> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(catalog.find(id).orElseThrow(() -> new IllegalArgumentException("no lesson '" + id + "'")));
        }
        return selected;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
