package io.awstutor.check;

import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.ClientFactory;

import java.util.List;
import java.util.Optional;

/**
 * What a check may look at: the target through SDK clients of its own, the calls the
 * learner's clients made during the step, the learner's Java variables, and the lesson's
 * variables (the learner's prefix for global names).
 */
public interface CheckContext {

    ClientFactory clients();

    List<CallRecord> callsThisStep();

    /** The declared type of a learner's variable, when it exists. */
    Optional<String> variableType(String name);

    /** The value of a learner's variable as JShell prints it. */
    Optional<String> variableValue(String name);

    /** Replaces {@code ${prefix}} and the other lesson variables. */
    String substitute(String text);

    /**
     * Whether one of the learner's calls this step did {@code operation} and AWS accepted
     * it, on the resource {@code id} when given (matched against the request's fields).
     * A check that wants something gone needs it: absent because a fresh sandbox never had
     * it is not the learner's doing.
     */
    default boolean didThisStep(String operation, String id) {
        return callsThisStep().stream().anyMatch(c -> c.ok() && c.operation().equals(operation)
                && (id == null || c.request() != null && c.request().values().stream().anyMatch(v -> id.equalsIgnoreCase(String.valueOf(v)))));
    }

    /** The learner's answer to the step's quiz, when given. */
    Optional<Integer> quizAnswer();
}
