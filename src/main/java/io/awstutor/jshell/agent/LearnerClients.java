package io.awstutor.jshell.agent;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs inside the JShell process: builds the learner's pre-made clients from the target
 * settings the shell passed as system properties, each with the call recorder attached.
 */
public final class LearnerClients {
    public static final String EVENT_FILE_PROPERTY = "awstutor.events";

    private LearnerClients() {
    }

    public static ClientFactory factory() {
        List<ExecutionInterceptor> interceptors = new ArrayList<>();
        String events = System.getProperty(EVENT_FILE_PROPERTY);
        if (events != null) {
            interceptors.add(new CallRecorder(Path.of(events)));
        }
        return new ClientFactory(TargetSettings.fromSystemProperties(), interceptors);
    }

}
