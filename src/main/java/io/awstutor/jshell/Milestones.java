package io.awstutor.jshell;

/**
 * Start-up milestones for {@code scripts/bench-startup}: with {@code AWSTUTOR_TIMING} set,
 * each one is written to standard error as {@code awstutor-timing NAME EPOCH_MILLIS}; the
 * script subtracts its own launch time. Without the variable nothing is written.
 */
public final class Milestones {
    private static final boolean ENABLED = System.getenv("AWSTUTOR_TIMING") != null;

    private Milestones() {
    }

    public static void reached(String name) {
        if (ENABLED) {
            System.err.println("awstutor-timing " + name + " " + System.currentTimeMillis());
        }
    }
}
