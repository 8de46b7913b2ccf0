package io.awstutor.sandbox.accounts;

/**
 * An account of the sandbox and its root key pair, as a workshop hands it to one learner.
 * {@code label} is who it is for (a learner's name), shown to the instructor only.
 */
public record AccountKeys(String accountId, String label, String accessKeyId, String secretAccessKey) {

    /** Never the secret: records would print it in full. */
    @Override
    public String toString() {
        return "AccountKeys[" + accountId + ", " + label + ", " + accessKeyId + "]";
    }
}
