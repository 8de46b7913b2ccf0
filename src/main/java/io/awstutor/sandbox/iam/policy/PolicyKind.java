package io.awstutor.sandbox.iam.policy;

/**
 * Which rules a document must follow besides the grammar: where it is attached decides whether
 * it must, or must not, name a Principal and a Resource.
 */
public enum PolicyKind {
    /** Grammar only (Principal and Resource both optional). */
    ANY,
    /** Attached to a user, group or role (inline): Resource required, Principal forbidden. */
    IDENTITY,
    /**
     * A customer managed policy (CreatePolicy, CreatePolicyVersion): the identity rules, and
     * Version must be 2012-10-17 ("Policy document must be version 2012-10-17 or greater.").
     */
    MANAGED,
    /** A role's AssumeRolePolicyDocument: Principal required, Resource forbidden, sts: actions only. */
    TRUST,
    /** Attached to a resource (an S3 bucket policy): Principal and Resource required. */
    RESOURCE;

    /** Identity-based: attached to a principal, so it names no Principal. */
    public boolean isIdentity() {
        return this == IDENTITY || this == MANAGED;
    }
}
