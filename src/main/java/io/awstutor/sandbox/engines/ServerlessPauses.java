package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.RdsBackend.EngineDemand;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Aurora Serverless v2's auto-pause and resume for the fleet's cluster engines: after
 * SecondsUntilAutoPause without a learner connection the engine process really stops (0
 * ACUs), and the next connection, or a range that no longer starts at 0, resumes it after
 * the resume time. Both are reported on the writer with AWS's events (RDS-EVENT-0370, 0372,
 * 0373, 0374). Runs on the fleet's worker, which starts and stops every engine.
 */
final class ServerlessPauses {
    /**
     * How long a writer woken for a Data API call stays awake at least, in real time: AWS's
     * DatabaseResumingException says "wait a few seconds and try again", and at a small time
     * scale the idle time alone (nothing at scale 0) would pause it again before that retry.
     */
    static final java.time.Duration RETRY_WINDOW = java.time.Duration.ofSeconds(10);

    /** What the fleet does to an engine, on its worker. */
    interface Engines {
        void start(Housed h);

        void stop(Housed h);

        /** Whether the fleet still houses it (not deleted meanwhile). */
        boolean houses(Housed h);
    }

    private final RdsBackend rds;
    private final ScheduledExecutorService worker;
    private final Engines engines;

    ServerlessPauses(RdsBackend rds, ScheduledExecutorService worker, Engines engines) {
        this.rds = rds;
        this.worker = worker;
        this.engines = engines;
    }

    /**
     * The reconcile step for an engine that should run: resumes a paused one whose range no
     * longer starts at 0 ACUs, pauses a running one idle for long enough. Returns whether the
     * engine is (or stays) paused, which the fleet then leaves alone.
     */
    boolean reconcile(Housed h, EngineDemand d) {
        if (h.paused) {
            if (d.autoPauseAfter() == null) {
                requestResume(h, d, false);
            }
            return true;
        }
        if (h.server != null && h.server.alive() && d.autoPauseAfter() != null && h.front.idleFor(d.autoPauseAfter())) {
            rds.writerEvent(h.ref, "Initiated pause for the DB instance.");
            engines.stop(h);
            h.paused = true;
            rds.writerEvent(h.ref, "Successfully paused the DB instance.");
            return true;
        }
        return false;
    }

    /**
     * Wakes a paused engine once, however many connections ask: RDS-EVENT-0373 now, the engine
     * and 0374 after the resume time; {@code callerRetries} when the caller was told to try
     * again, which the woken writer then stays awake for ({@link #RETRY_WINDOW}).
     */
    void requestResume(Housed h, EngineDemand d, boolean callerRetries) {
        if (callerRetries) {
            h.retryAwaited = true;
        }
        if (!h.resuming.compareAndSet(false, true)) {
            return;
        }
        long delay = d.resumeTime() == null ? 0 : d.resumeTime().toMillis();
        worker.execute(() -> report(h, "Initiated resume for the DB instance."));
        worker.schedule(() -> {
            try {
                if (h.paused && engines.houses(h)) {
                    h.paused = false;
                    engines.start(h);
                    if (h.retryAwaited && h.front != null) {
                        h.front.stayAwakeFor(RETRY_WINDOW);
                    }
                    if (h.server != null) {
                        report(h, "Successfully resumed the DB instance.");
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("awstutor sandbox: engines: resuming: " + e);
            } finally {
                h.retryAwaited = false;
                h.resuming.set(false);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void report(Housed h, String message) {
        try {
            rds.writerEvent(h.ref, message);
        } catch (RuntimeException e) {
            System.err.println("awstutor sandbox: engines: " + e);
        }
    }
}
