package io.awstutor.sandbox;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.iam.IamBackend;
import io.awstutor.sandbox.sts.StsBackend;

import java.util.Optional;

/**
 * Signing in to the sandbox's console as an IAM user, as AWS's console does: IAM checks the
 * password that CreateLoginProfile set, and the console then works with temporary
 * credentials of that user (issued as GetSessionToken issues them), so that every page it
 * shows and every change it makes is a signed request that IAM allows or denies exactly as
 * it would the user's SDK calls.
 */
public final class ConsoleSignIn {
    /** AWS's console sessions last 12 hours. */
    private static final int SESSION_SECONDS = 12 * 3600;

    private final IamBackend iam;
    private final StsBackend sts;

    ConsoleSignIn(IamBackend iam, StsBackend sts) {
        this.iam = iam;
        this.sts = sts;
    }

    /** Session credentials of the user, or empty when the account, user or password is wrong. */
    public Optional<Credential> signIn(String accountId, String userName, String password) {
        return iam.loginProfiles().signIn(accountId, userName, password)
                .map(user -> sts.sessionToken(new Caller.User(accountId, user.name(), user.path(), user.id()), false, SESSION_SECONDS));
    }
}
