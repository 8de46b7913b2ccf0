package io.awstutor.workshop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One learner's events folded into what the dashboard and the report ask: per step when they
 * came to it, whether and when they passed it, hints, failed checks, the solution; where
 * they are now and whether they went idle or left.
 */
public final class LearnerHistory {
    /** What one learner did on one step. {@code passedAt} is 0 while not passed. */
    public static final class StepFacts {
        public long firstEntered;
        public long passedAt;
        public int hints;
        public int failedChecks;
        public boolean solutionShown;
        public int awsErrors;

        public boolean passed() {
            return passedAt > 0;
        }

        /** From first coming to the step to passing it; -1 when not passed or never entered. */
        public long millisToPass() {
            return passed() && firstEntered > 0 ? Math.max(0, passedAt - firstEntered) : -1;
        }
    }

    private final Map<StepRef, StepFacts> steps = new HashMap<>();
    private StepRef current;
    private long currentSince;
    private long lastAt;
    private boolean idle;
    private boolean left;

    public LearnerHistory(List<WorkshopEvent> events) {
        events.stream().sorted(java.util.Comparator.comparingLong(WorkshopEvent::at)).forEach(this::apply);
    }

    private void apply(WorkshopEvent event) {
        lastAt = Math.max(lastAt, event.at());
        idle = event.kind() == EventKind.IDLE;
        if (event.kind() == EventKind.LEFT) {
            left = true;
        }
        StepRef ref = event.stepRef();
        if (ref == null) {
            return;
        }
        StepFacts facts = steps.computeIfAbsent(ref, r -> new StepFacts());
        switch (event.kind()) {
            case STEP_ENTERED -> {
                if (facts.firstEntered == 0) {
                    facts.firstEntered = event.at();
                }
                if (!ref.equals(current)) {
                    current = ref;
                    currentSince = event.at();
                }
            }
            case CHECK_FAILED -> facts.failedChecks++;
            case CHECK_PASSED -> {
                if (facts.passedAt == 0) {
                    facts.passedAt = event.at();
                }
            }
            case HINT_SHOWN -> facts.hints = Math.max(facts.hints, event.number());
            case SOLUTION_SHOWN -> {
                if (!facts.passed()) {
                    facts.solutionShown = true; // asked for after passing, it does not count as help
                }
            }
            case AWS_ERROR -> facts.awsErrors++;
            default -> {
            }
        }
        if (current == null && event.kind() != EventKind.STEP_ENTERED) {
            current = ref;
            currentSince = event.at();
        }
    }

    public StepFacts facts(StepRef step) {
        return steps.getOrDefault(step, new StepFacts());
    }

    public boolean reached(StepRef step) {
        return steps.containsKey(step);
    }

    public StepRef current() { return current; }
    public long currentSince() { return currentSince; }
    public long lastAt() { return lastAt; }
    public boolean idle() { return idle; }
    public boolean left() { return left; }
}
