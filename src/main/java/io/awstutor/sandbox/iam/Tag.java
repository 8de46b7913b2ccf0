package io.awstutor.sandbox.iam;

/** A key/value tag on an IAM user, role, policy or instance profile. */
public record Tag(String key, String value) {
}
