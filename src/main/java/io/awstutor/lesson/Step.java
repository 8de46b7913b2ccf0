package io.awstutor.lesson;

import io.awstutor.check.Check;

import java.util.List;
import java.util.Optional;

/**
 * One exercise: what to read, hints from gentle to explicit, the reference solution, the
 * checks that decide it is done, and for a concept with nothing to build, a quiz instead.
 * A step with neither checks nor quiz is reading only: {@code /next} completes it.
 * {@code needs} names what the target must offer beyond AWS's API for the step to pass.
 */
public record Step(String id, String title, String body, List<String> hints, Optional<String> solution,
                   List<Check> checks, Optional<Quiz> quiz, Optional<CostNote> cost, java.util.Set<StepNeed> needs, int line) {

    public boolean isReadingOnly() {
        return checks.isEmpty() && quiz.isEmpty();
    }
}
