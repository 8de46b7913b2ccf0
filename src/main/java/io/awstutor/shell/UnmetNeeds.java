package io.awstutor.shell;

import io.awstutor.lesson.Step;
import io.awstutor.lesson.StepNeed;
import io.awstutor.target.TargetSettings;

import java.util.Optional;

/**
 * What a step needs that the target lacks (see {@link StepNeed}), in words the learner (and
 * {@code awstutor verify}) reads instead of a connection error that explains nothing.
 */
public final class UnmetNeeds {
    private UnmetNeeds() {
    }

    /** "This step needs a real database engine ..., which the moto target does not run: ..." or empty when it is met. */
    public static Optional<String> of(Step step, TargetSettings target) {
        if (!step.needs().contains(StepNeed.ENGINE) || target.kind().runsDatabaseEngines()) {
            return Optional.empty();
        }
        return Optional.of("This step needs " + StepNeed.ENGINE.description() + ", which the "
                + target.kind().name().toLowerCase(java.util.Locale.ROOT) + " target does not run, so its connections "
                + "cannot succeed here. Do it on the sandbox (the default target) or a real account.");
    }
}
