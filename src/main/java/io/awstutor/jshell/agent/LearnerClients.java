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
        return factory();
    }

    /**
     * The call recorder and the cost guard are global SDK interceptors (see {@link CallRecorder}):
     * every SDK client has them; the JSON clients (Price List, Cost Explorer, …) ask the guard directly.
     */
    public static ClientFactory factory() {
        return new ClientFactory(TargetSettings.fromSystemProperties(), List.of(), new CostGuardInterceptor()::review);
    }

}
