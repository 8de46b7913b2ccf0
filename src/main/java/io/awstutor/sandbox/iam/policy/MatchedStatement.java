package io.awstutor.sandbox.iam.policy;

/**
 * A statement that decided an evaluation: the policy it is in, its Sid (null when it has none),
 * its zero-based position in the policy's Statement list, and its Effect ("Allow"/"Deny").
 * {@link PolicyDocument#position(int)} gives its line and column for the simulator.
 */
public record MatchedStatement(String sourceId, String sid, int index, String effect) {

    /** "'DenyAll'" or "#2" (one-based) when the statement has no Sid. */
    public String label() {
        return sid != null && !sid.isEmpty() ? "'" + sid + "'" : "#" + (index + 1);
    }
}
