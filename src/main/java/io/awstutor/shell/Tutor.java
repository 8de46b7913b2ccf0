package io.awstutor.shell;

import io.awstutor.check.CheckContext;
import io.awstutor.check.CheckRunner;
import io.awstutor.check.Verdict;
import io.awstutor.jshell.JShellEngine;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.Step;
import io.awstutor.progress.Progress;
import io.awstutor.progress.ProgressStore;
import io.awstutor.target.ClientFactory;
import jdk.jshell.VarSnippet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's place in the lessons and everything that moves it: checking the current
 * step, hints, solutions, quiz answers, moving between steps; progress is saved after
 * every change. No terminal here: the shell and the lesson verifier both drive it.
 */
public final class Tutor {
    private final LessonCatalog catalog;
    private final Progress progress;
    private final ProgressStore store;
    private final JShellEngine engine;
    private volatile ClientFactory checkClients;
    private final List<CallRecord> callsThisStep = new ArrayList<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Lesson lesson;
    private int stepIndex;

    /** Hears what the learner does, as it happens (a workshop reports it to the instructor). */
    public interface Listener {
        default void stepEntered(Lesson lesson, Step step) {
        }

        default void checked(Lesson lesson, Step step, Verdict verdict) {
        }

        default void hintShown(Lesson lesson, Step step, int number) {
        }

        default void solutionShown(Lesson lesson, Step step) {
        }

        default void answered(Lesson lesson, Step step, int choice) {
        }
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public Tutor(LessonCatalog catalog, Progress progress, ProgressStore store, JShellEngine engine, ClientFactory checkClients) {
        if (catalog.lessons().isEmpty()) {
            throw new IllegalArgumentException("no lessons to teach");
        }
        this.catalog = catalog;
        this.progress = progress;
        this.store = store;
        this.engine = engine;
        this.checkClients = checkClients;
        Lesson resumed = progress.currentLesson == null ? null : catalog.find(progress.currentLesson).orElse(null);
        this.lesson = resumed != null ? resumed : catalog.lessons().get(0);
        int index = progress.currentStep == null ? 0 : lesson.indexOf(progress.currentStep);
        this.stepIndex = Math.max(0, index);
    }

    public LessonCatalog catalog() { return catalog; }
    public Progress progress() { return progress; }
    public ClientFactory checkClients() { return checkClients; }

    /** After /target switched: the checks look where the learner's clients now point. */
    public void retarget(ClientFactory clients) {
        this.checkClients = clients;
    }
    public Lesson lesson() { return lesson; }
    public Step step() { return lesson.steps().get(stepIndex); }
    public int stepNumber() { return stepIndex + 1; }

    public boolean isStepDone() {
        return progress.isDone(lesson.id(), step().id());
    }

    public Map<String, String> variables() {
        return Map.of("prefix", progress.learnerPrefix, "region", checkClients.settings().region());
    }

    public String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> variable : variables().entrySet()) {
            result = result.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }

    /** The calls the learner's clients made since the current step began. */
    public List<CallRecord> callsThisStep() {
        return List.copyOf(callsThisStep);
    }

    /** The step as it was before the learner began: not done, no answer, no hints, no calls. */
    public void resetStep() {
        callsThisStep.clear();
        Progress.LessonState state = progress.lesson(lesson.id());
        state.done.remove(step().id());
        state.answers.remove(step().id());
        state.hintsShown.remove(step().id());
        save();
    }

    public void recordCalls(List<CallRecord> calls) {
        callsThisStep.addAll(calls);
    }

    /** Runs the current step's checks; a pass marks the step done. */
    public Verdict check() {
        Verdict checked = CheckRunner.run(step().checks(), context());
        // A step the target cannot support says why, rather than only which check failed.
        Verdict verdict = checked.passed() ? checked : UnmetNeeds.of(step(), checkClients.settings())
                .map(note -> Verdict.fail(checked.message() + " (" + note + ")")).orElse(checked);
        Lesson checkedLesson = lesson;
        Step checkedStep = step();
        if (verdict.passed() && !step().isReadingOnly()) {
            progress.markDone(lesson.id(), step().id());
            save();
        }
        listeners.forEach(l -> l.checked(checkedLesson, checkedStep, verdict));
        return verdict;
    }

    private CheckContext context() {
        return new CheckContext() {
            @Override public ClientFactory clients() { return checkClients; }
            @Override public List<CallRecord> callsThisStep() { return List.copyOf(callsThisStep); }

            @Override
            public Optional<String> variableType(String name) {
                return variable(name).map(VarSnippet::typeName);
            }

            @Override
            public Optional<String> variableValue(String name) {
                return variable(name).flatMap(engine::varValue);
            }

            @Override public String substitute(String text) { return Tutor.this.substitute(text); }
            @Override public Optional<Integer> quizAnswer() { return progress.answer(lesson.id(), step().id()); }
        };
    }

    private Optional<VarSnippet> variable(String name) {
        return engine.variable(name);
    }

    /** The next hint, or empty when all were shown; returns (hint, number, total). */
    public Optional<Hint> nextHint() {
        List<String> hints = step().hints();
        int shown = progress.hintsShown(lesson.id(), step().id());
        if (hints.isEmpty()) {
            return Optional.empty();
        }
        int index = Math.min(shown, hints.size() - 1);
        progress.setHintsShown(lesson.id(), step().id(), index + 1);
        save();
        listeners.forEach(l -> l.hintShown(lesson, step(), index + 1));
        return Optional.of(new Hint(substitute(hints.get(index)), index + 1, hints.size()));
    }

    public record Hint(String text, int number, int total) {
        public int remaining() { return total - number; }
    }

    /** The reference solution; asking for it before the step is done marks it "solved with help". */
    public Optional<String> solution() {
        Optional<String> solution = step().solution().map(this::substitute);
        if (solution.isPresent() && !isStepDone()) { // a step done alone stays done alone
            progress.markHelped(lesson.id(), step().id());
            save();
        }
        if (solution.isPresent()) {
            listeners.forEach(l -> l.solutionShown(lesson, step()));
        }
        return solution;
    }

    public void answer(int choice) {
        progress.setAnswer(lesson.id(), step().id(), choice);
        save();
        listeners.forEach(l -> l.answered(lesson, step(), choice));
    }

    /** Completes a reading-only step (its /next). */
    public void markReadingDone() {
        if (step().isReadingOnly()) {
            progress.markDone(lesson.id(), step().id());
            save();
        }
    }

    public boolean next() {
        if (stepIndex + 1 < lesson.steps().size()) {
            moveTo(lesson, stepIndex + 1);
            return true;
        }
        int lessonIndex = catalog.lessons().indexOf(lesson);
        if (lessonIndex + 1 < catalog.lessons().size()) {
            moveTo(catalog.lessons().get(lessonIndex + 1), 0);
            return true;
        }
        return false;
    }

    public boolean prev() {
        if (stepIndex > 0) {
            moveTo(lesson, stepIndex - 1);
            return true;
        }
        int lessonIndex = catalog.lessons().indexOf(lesson);
        if (lessonIndex > 0) {
            Lesson previous = catalog.lessons().get(lessonIndex - 1);
            moveTo(previous, previous.steps().size() - 1);
            return true;
        }
        return false;
    }

    public void goTo(Lesson target, int index) {
        moveTo(target, Math.max(0, Math.min(index, target.steps().size() - 1)));
    }

    private void moveTo(Lesson target, int index) {
        lesson = target;
        stepIndex = index;
        callsThisStep.clear();
        progress.moveTo(lesson.id(), step().id());
        save();
        Lesson entered = lesson;
        Step step = step();
        listeners.forEach(l -> l.stepEntered(entered, step));
    }

    public int doneCount(Lesson l) {
        Progress.LessonState state = progress.lessons.get(l.id());
        if (state == null) {
            return 0;
        }
        return (int) l.steps().stream().filter(s -> state.done.contains(s.id())).count();
    }

    public void save() {
        try {
            store.save(progress);
        } catch (IOException e) {
            throw new UncheckedIOException("progress could not be saved to " + store.file() + ": " + e.getMessage(), e);
        }
    }
}
