package io.awstutor.jshell.agent;

import sun.misc.Signal;

/**
 * Prepares the JShell process. Ctrl-C in a terminal signals the whole foreground process
 * group, and the JShell JVM is the shell's child in that group: left alone, it would die
 * of the signal meant for the snippet. It ignores SIGINT instead; the shell stops the
 * running snippet through JShell's own stop (JDI), and the session survives.
 */
public final class RemoteSetup {
    private RemoteSetup() {
    }

    public static void ignoreInterrupts() {
        try {
            Signal.handle(new Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: nothing to ignore
        }
    }
}
