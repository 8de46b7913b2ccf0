package io.awstutor.jshell.agent;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;

import java.util.List;

/**
 * Runs inside the JShell process: builds the learner's pre-made clients from the target
 * settings the shell passed as system properties, each with the call recorder attached.
 */
public final class LearnerClients {
    public static final String EVENT_FILE_PROPERTY = "awstutor.events";

    private LearnerClients() {
    }

    /** The factory, after the JVM's setup with the target's settings ({@link RemoteSetup#start}): the session's core snippet. */
    public static ClientFactory start(String properties) {
        RemoteSetup.start(properties);
        warmUpCallLog();
        return factory();
    }

    /**
     * Writes a call record to nowhere on another thread, while this one builds the first client:
     * JSON's set-up (a tenth of a second) is then paid on an idle core rather than within the
     * learner's first call, whose record is the first one the call log writes.
     */
    private static void warmUpCallLog() {
        Thread warm = new Thread(() -> {
            try {
                io.awstutor.json.JsonMappers.mapper().writeValueAsString(new CallRecord("sts", "GetCallerIdentity", "us-east-1", true,
                        200, null, null, null, java.util.Map.of("k", "v"), java.util.Map.of("k", java.util.List.of(1))));
            } catch (java.io.IOException | RuntimeException e) {
                // a warm-up only: the recorder reports a failure of its own
            }
        }, "awstutor-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * The call recorder and the cost guard are global SDK interceptors (see {@link CallRecorder}):
     * every SDK client has them; the JSON clients (Price List, Cost Explorer, …) ask the guard directly.
     */
    public static ClientFactory factory() {
        return new ClientFactory(TargetSettings.fromSystemProperties(), List.of(), new CostGuardInterceptor()::review);
    }

}
