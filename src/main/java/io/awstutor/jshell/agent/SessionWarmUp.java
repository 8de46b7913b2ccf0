package io.awstutor.jshell.agent;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;

import java.net.URI;

/**
 * Work the session JVM does as soon as it is up, on a thread of its own.
 *
 * <p>Why: the JVM is up about half a second before the shell has compiled its first snippet
 * (javac's first start), and that snippet then builds the first client: the SDK's classes,
 * its interceptors and JSON's set-up, a quarter of a second or more. Done here once, on a
 * client that is dropped and never called, that work overlaps the compilation instead of
 * following it. Nothing is sent anywhere and no call is recorded.
 *
 * <p>The shell starts it through JShell's own engine ({@code OverlappedLaunch}: the class is
 * loaded and {@link #start} invoked as a snippet's class would be), so the session JVM keeps
 * JShell's agent, and Ctrl-C keeps stopping snippets as JShell stops them.
 */
public final class SessionWarmUp {
    private SessionWarmUp() {
    }

    /** Starts the warm-up and returns at once. */
    public static String start() {
        Thread warm = new Thread(SessionWarmUp::run, "awstutor-warm-up");
        warm.setDaemon(true);
        warm.start();
        return "";
    }

    private static void run() {
        try {
            // an address nothing is asked at: the client is built, not used
            TargetSettings nowhere = TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, URI.create("http://127.0.0.1:9"),
                    "us-east-1", "warm", "up");
            try (var sts = new ClientFactory(nowhere).sts()) {
                sts.serviceName();
            }
            // what the call log's first line needs: the recorder's JSON
            io.awstutor.json.JsonMappers.mapper().writeValueAsString(new CallRecord("sts", "GetCallerIdentity", "us-east-1", true,
                    200, null, null, null, java.util.Map.of("k", "v"), java.util.Map.of("k", java.util.List.of(1))));
        } catch (java.io.IOException | RuntimeException e) {
            // a warm-up only: the learner's own clients report whatever this met
        }
    }
}
