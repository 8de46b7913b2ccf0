package io.awstutor.sandbox.iam.policy;

/**
 * Which rules a document must follow besides the grammar: where it is attached decides whether
 * it must, or must not, name a Principal and a Resource.
 */
public enum PolicyKind {
    /** Grammar only (Principal and Resource both optional). */
    ANY,
    /** Attached to a user, group or role: Resource required, Principal forbidden. */
    IDENTITY,
    /** A role's AssumeRolePolicyDocument: Principal required, Resource forbidden, sts: actions only. */
    TRUST,
    /** Attached to a resource (an S3 bucket policy): Principal and Resource required. */
    RESOURCE
}
