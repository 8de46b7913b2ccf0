package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.rds.DatabaseEngines.Ref;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One DB instance's (or Aurora cluster's) engine as the fleet houses it: its endpoint's front,
 * the running server, and what is pending for its next start. Fields other than the volatile
 * ones are touched on the fleet's worker thread only.
 */
final class Housed {
    final Ref ref;
    final DatabaseFlavor flavor;
    DatabaseFront front;
    volatile int enginePort;
    EngineServer server;
    String pendingPassword;
    Ref restoreFrom;
    String unavailable;
    /** An Aurora Serverless v2 engine stopped for idleness; the next connection resumes it. */
    volatile boolean paused;
    final AtomicBoolean resuming = new AtomicBoolean();
    /** A caller told to try again (the Data API's DatabaseResumingException) waits for this resume. */
    volatile boolean retryAwaited;

    Housed(Ref ref, DatabaseFlavor flavor) {
        this.ref = ref;
        this.flavor = flavor;
    }
}
