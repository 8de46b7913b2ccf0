package io.awstutor.shell;

import java.util.Locale;
import java.util.Optional;

/**
 * What a wait would take on AWS, said once when the shell's sandbox takes less: a learner
 * who sees a database ready in seconds should still know that AWS takes minutes, and why a
 * waiter may sit a while even so (it polls at AWS's interval, not the sandbox's).
 */
final class PaceNotes {
    private PaceNotes() {
    }

    /** The note for a resource (as {@link WaitWatch} names it) in a status, when there is one. */
    static Optional<String> forResource(String what, String status, double timeScale) {
        String lower = what.toLowerCase(Locale.ROOT);
        String s = status.toLowerCase(Locale.ROOT);
        String aws;
        int pollSeconds;
        if (lower.startsWith("db instance") || lower.startsWith("db cluster")) {
            aws = switch (s) {
                case "creating" -> "about 5 minutes";
                case "deleting", "modifying", "stopping" -> "a few minutes";
                default -> "minutes";
            };
            pollSeconds = 30;
        } else if (lower.startsWith("instance")) {
            aws = s.equals("pending") ? "15 seconds to a minute" : "up to a minute";
            pollSeconds = 15;
        } else if (lower.startsWith("distribution")) {
            aws = "5 to 15 minutes";
            pollSeconds = 60;
        } else {
            return Optional.empty();
        }
        if (timeScale >= 1) {
            return Optional.of("(On AWS this takes " + aws + "; the waiter asks again every " + pollSeconds + " s.)");
        }
        return Optional.of("(On AWS this takes " + aws + "; the sandbox runs at " + pace(timeScale)
                + " of AWS's pace, but the waiter still asks only every " + pollSeconds + " s, as on AWS.)");
    }

    static String pace(double timeScale) {
        if (timeScale <= 0) {
            return "no delay";
        }
        double inverse = 1 / timeScale;
        return inverse == Math.rint(inverse) ? "1/" + (long) inverse : String.format(Locale.ROOT, "%.3g×", timeScale);
    }
}
