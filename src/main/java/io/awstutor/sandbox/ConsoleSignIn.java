package io.awstutor.sandbox;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.iam.IamBackend;
import io.awstutor.sandbox.sts.StsSessions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in to the sandbox's console as an IAM user, as AWS's console does: IAM checks the
 * password that CreateLoginProfile set, and the console then works with a key of that user's
 * console session, so that every page it shows and every change it makes is a signed request
 * that IAM allows or denies exactly as it would the user's own calls. Unlike GetSessionToken's
 * credentials, a console session may call IAM (AWS's console does); it lasts 12 hours, as
 * AWS's, and is forgotten when the sandbox stops.
 */
public final class ConsoleSignIn implements CredentialStore {
    private static final Duration SESSION = Duration.ofHours(12);

    private final IamBackend iam;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Credential> sessions = new ConcurrentHashMap<>();

    ConsoleSignIn(IamBackend iam, Clock clock) {
        this.iam = iam;
        this.clock = clock;
    }

    /** A console session's key for the user, or empty when the account, user or password is wrong. */
    public Optional<Credential> signIn(String accountId, String userName, String password) {
        return iam.loginProfiles().signIn(accountId, userName, password).map(user -> {
            sessions.values().removeIf(c -> c.expiredAt(clock.instant()));
            Credential session = new Credential(StsSessions.newKeyId(random), StsSessions.newSecret(random), new Caller.User(accountId, user.name(), user.path(), user.id()),
                    true, Optional.empty(), Optional.of(clock.instant().plus(SESSION)));
            sessions.put(session.accessKeyId(), session);
            return session;
        });
    }

    /** Signing out ends the session's key. */
    public void signOut(String accessKeyId) {
        sessions.remove(accessKeyId);
    }

    @Override
    public Optional<Credential> lookup(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }
}
