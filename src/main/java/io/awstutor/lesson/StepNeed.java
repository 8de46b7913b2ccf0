package io.awstutor.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a step's solution needs from the target beyond AWS's API, declared in a
 * {@code needs} block so that a target without it can say so before the learner tries
 * (and {@code awstutor verify} can tell a missing capability from a broken step).
 */
public enum StepNeed {
    /** A real database behind RDS and Aurora endpoints: JDBC connections, rows, pauses. */
    ENGINE("engine", "a real database engine behind its RDS endpoints");

    private final String name;
    private final String description;

    StepNeed(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The word a lesson writes: {@code engine}. */
    public String word() {
        return name;
    }

    /** "a real database engine behind its RDS endpoints" */
    public String description() {
        return description;
    }

    public static Optional<StepNeed> named(String word) {
        String wanted = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(n -> n.name.equals(wanted)).findFirst();
    }
}
