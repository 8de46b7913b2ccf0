package io.awstutor.shell;

import io.awstutor.jshell.SnippetOutcome;
import io.awstutor.lesson.Step;
import org.jline.utils.AttributedStyle;

import java.util.List;
import java.util.Optional;

/**
 * {@code /catchup}: the sandbox starts empty every session and a fresh Java session has none
 * of the learner's variables, so a learner who comes back at step 5 finds neither the bucket
 * nor the {@code ireland} client that step 5 builds on. This runs the reference solutions of
 * the lesson's earlier steps again, quietly: one line per change, one per failure, no values.
 * Progress is untouched, and the current step's checks do not see these calls.
 */
final class CatchUp {
    private final ShellIO io;
    private final Tutor tutor;
    private final LessonView view;
    private final TutorShell shell;

    CatchUp(ShellIO io, Tutor tutor, LessonView view, TutorShell shell) {
        this.io = io;
        this.tutor = tutor;
        this.view = view;
        this.shell = shell;
    }

    /** Whether coming back here needs it: a target that forgot everything, past a step with a solution. */
    boolean worthOffering() {
        return tutor.checkClients().settings().isEphemeral()
                && earlierSteps().stream().anyMatch(s -> s.solution().isPresent());
    }

    private List<Step> earlierSteps() {
        return tutor.lesson().steps().subList(0, tutor.stepNumber() - 1);
    }

    boolean run() {
        List<Step> earlier = earlierSteps();
        if (earlier.stream().noneMatch(s -> s.solution().isPresent())) {
            io.out().println("Nothing to catch up: no step before this one builds anything.");
            return true;
        }
        if (shell.madeChanges() && !io.confirm("This session already changed things; the earlier solutions may fail"
                + " or make second copies. Run them again?")) {
            io.out().println("Nothing run.");
            return true;
        }
        for (int i = 0; i < earlier.size(); i++) {
            Optional<String> solution = earlier.get(i).solution().map(tutor::substitute);
            if (solution.isEmpty()) {
                continue;
            }
            view.line(AttributedStyle.DEFAULT.faint(), "Step " + (i + 1) + ": " + earlier.get(i).title());
            TutorShell.Quiet ran = shell.evaluateQuietly(solution.get());
            for (String change : ChangeDescriber.describe(ran.calls())) {
                view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE), "  " + change);
            }
            for (SnippetOutcome outcome : ran.outcomes()) {
                String problem = OutcomeText.problem(outcome, ran.calls());
                if (problem != null && outcome instanceof SnippetOutcome.Failed) {
                    // a refusal by its code alone: step 1 of a lesson may fail on purpose
                    problem = ran.calls().stream().filter(c -> !c.ok() && c.errorCode() != null).reduce((a, b) -> b)
                            .map(c -> c.service().toUpperCase(java.util.Locale.ROOT) + " refused " + c.operation() + ": " + c.errorCode())
                            .orElse(problem);
                }
                if (problem != null) {
                    view.line(AttributedStyle.DEFAULT.faint(), "  (" + problem + ")");
                }
                if (outcome instanceof SnippetOutcome.Interrupted) {
                    io.out().println("Stopped; the steps after it were not run.");
                    return true;
                }
            }
        }
        view.line(AttributedStyle.BOLD, "Caught up: you are at step " + tutor.stepNumber() + " with what the steps before it made.");
        return true;
    }
}
