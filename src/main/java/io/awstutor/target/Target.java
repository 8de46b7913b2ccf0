package io.awstutor.target;

/**
 * A target the session runs on: its settings for every client, and what must stop when the
 * session ends (the embedded sandbox, a moto_server process, a container).
 */
public final class Target implements AutoCloseable {
    private final TargetSettings settings;
    private final AutoCloseable owned;
    private final String knownAccount;

    public Target(TargetSettings settings, AutoCloseable owned) {
        this(settings, owned, null);
    }

    private Target(TargetSettings settings, AutoCloseable owned, String knownAccount) {
        this.settings = settings;
        this.owned = owned;
        this.knownAccount = knownAccount;
    }

    /** This target, whose clients' account is known without asking it (the embedded sandbox's root key). */
    public Target knowingAccount(String account) {
        return new Target(settings, owned, account);
    }

    public TargetSettings settings() {
        return settings;
    }

    /**
     * The account the settings' keys act in, when known without a call: the shell otherwise
     * asks STS, its own first SDK call (a client built in the shell's JVM, about 0.15 s of CPU).
     */
    public java.util.Optional<String> knownAccount() {
        return java.util.Optional.ofNullable(knownAccount);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // stopping an emulator at exit must not hide the session's own result
            }
        }
    }
}
