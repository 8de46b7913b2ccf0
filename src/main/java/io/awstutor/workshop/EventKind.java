package io.awstutor.workshop;

/** What a learner's shell reports to the instructor. */
public enum EventKind {
    /** The learner moved to a step (by passing the one before, /next, /goto ...). */
    STEP_ENTERED,
    /** The step's check ran and said what is still missing ({@code message}). */
    CHECK_FAILED,
    CHECK_PASSED,
    /** Hint number {@code number} was shown. */
    HINT_SHOWN,
    SOLUTION_SHOWN,
    /** A quiz step answered with choice {@code number}. */
    QUIZ_ANSWERED,
    /** A call of the learner's clients failed: {@code service}, {@code operation}, {@code code}. */
    AWS_ERROR,
    /** No input for a while. */
    IDLE,
    /** The learner left the workshop (/workshop leave) and goes on alone. */
    LEFT
}
