package io.awstutor.target;

/**
 * A target the session runs on: its settings for every client, and what must stop when the
 * session ends (the embedded sandbox, a moto_server process, a container).
 */
public final class Target implements AutoCloseable {
    private final TargetSettings settings;
    private final AutoCloseable owned;

    public Target(TargetSettings settings, AutoCloseable owned) {
        this.settings = settings;
        this.owned = owned;
    }

    public TargetSettings settings() {
        return settings;
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
