package io.awstutor.web.console;

import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Who the console acts as: the account's root (nobody signed in) or an IAM user signed in
 * with their password, through the temporary credentials the sign-in issued. Every request
 * the console makes is signed with {@code credentials}, so IAM decides as for the SDK.
 * {@code label} is how the top bar names them; the secret is never shown.
 */
record Operator(String accountId, String label, AwsCredentials credentials, boolean root) {
}
