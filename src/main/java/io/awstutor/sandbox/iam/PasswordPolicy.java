package io.awstutor.sandbox.iam;

/** The account's password policy, the subset of AWS's settings that a login profile is checked against. */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {
}
