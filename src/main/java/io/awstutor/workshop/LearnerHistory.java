package io.awstutor.workshop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One learner's events folded into what the dashboard and the report ask: per step when they
 * came to it, whether and when they passed it, hints, failed checks (and their messages), AWS
 * errors (and their codes), the solution; where they are now and whether they went idle or left.
 *
 * <p>A workshop keeps one per learner and folds each event in as it arrives ({@link #add}),
 * so the dashboard's board costs the same after two hours as after two minutes; an event older
 * than the newest one (a queue delivered late) makes the owner fold everything again, in order.
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
        /** Failing-check messages and AWS error codes ("NoSuchKey (S3 GetObject)"), with counts. */
        public final Map<String, Integer> failures = new HashMap<>();
        public final Map<String, Integer> errors = new HashMap<>();

        StepFacts copy() {
            StepFacts copy = new StepFacts();
            copy.firstEntered = firstEntered;
            copy.passedAt = passedAt;
            copy.hints = hints;
            copy.failedChecks = failedChecks;
            copy.solutionShown = solutionShown;
            copy.awsErrors = awsErrors;
            copy.failures.putAll(failures);
            copy.errors.putAll(errors);
            return copy;
        }

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

    private LearnerHistory() {
    }

    /**
     * Folds in the next event, as the constructor would have; false (and nothing changed) when
     * it is older than an event already folded in, so the history must be made again from all.
     */
    public boolean add(WorkshopEvent event) {
        if (event.at() < lastAt) {
            return false;
        }
        apply(event);
        return true;
    }

    /** A copy to read while the original goes on taking events. */
    public LearnerHistory copy() {
        LearnerHistory copy = new LearnerHistory();
        steps.forEach((ref, facts) -> copy.steps.put(ref, facts.copy()));
        copy.current = current;
        copy.currentSince = currentSince;
        copy.lastAt = lastAt;
        copy.idle = idle;
        copy.left = left;
        return copy;
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
            case CHECK_FAILED -> {
                facts.failedChecks++;
                if (event.message() != null) {
                    facts.failures.merge(event.message(), 1, Integer::sum);
                }
            }
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
            case AWS_ERROR -> {
                facts.awsErrors++;
                if (event.code() != null) {
                    facts.errors.merge(event.code() + " (" + event.service() + " " + event.operation() + ")", 1, Integer::sum);
                }
            }
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
