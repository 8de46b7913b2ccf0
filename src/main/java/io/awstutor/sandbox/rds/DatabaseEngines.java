package io.awstutor.sandbox.rds;

/**
 * What runs behind DB instances: nothing ({@link #NONE}, the control plane alone), or real
 * engines (package {@code sandbox.engines}). RDS tells it what happens to instances and
 * snapshots while holding its lock, so an implementation only takes note and acts later on its
 * own thread; it learns which instances should be running from {@link RdsBackend#engineDemands()}.
 */
public interface DatabaseEngines {
    DatabaseEngines NONE = new DatabaseEngines() {
    };

    /** Where a DB instance's or snapshot's data lives: account, region and identifier. */
    record Ref(String account, String region, String id) {
        public String key() {
            return account + "/" + region + "/" + id;
        }
    }

    default boolean enabled() {
        return false;
    }

    /**
     * A new instance (a restored one names its snapshot): returns the loopback port its
     * endpoint reports, or 0 when no engine stands behind it.
     */
    default int created(Ref instance, String engine, String masterPassword, Ref fromSnapshot) {
        return 0;
    }

    default void passwordChanged(Ref instance, String masterUser, String password) {
    }

    /** Copy the instance's data into the snapshot (taken now, before later changes). */
    default void snapshotTaken(Ref instance, Ref snapshot) {
    }

    default void snapshotDeleted(Ref snapshot) {
    }

    default void rebooted(Ref instance) {
    }

    /** Stop the engine and remove its data (a final snapshot was asked for before this). */
    default void deleted(Ref instance) {
    }
}
