package io.awstutor.jshell.agent;

import sun.misc.Signal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Prepares the JShell process, as its first snippet.
 *
 * <p>Ctrl-C in a terminal signals the whole foreground process group, and the JShell JVM
 * is the shell's child in that group: left alone, it would die of the signal meant for the
 * snippet. It ignores SIGINT instead; the shell stops the running snippet through JShell's
 * own stop (JDI), and the session survives.
 *
 * <p>The JVM is launched before the target is known (in parallel with the sandbox's start),
 * so the target's settings arrive here as system properties rather than on the command line.
 *
 * <p>The JVM ends with the shell: when the shell's process is gone (a SIGTERM, a kill -9),
 * nothing would ever stop a looping snippet, and the JVM would spin on under PID 1.
 */
public final class RemoteSetup {
    private RemoteSetup() {
    }

    /** @param properties system properties in {@link Properties} text form */
    public static void start(String properties) {
        ignoreInterrupts();
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parsed.forEach((k, v) -> System.setProperty((String) k, (String) v));
        endWithParent();
    }

    public static void ignoreInterrupts() {
        try {
            Signal.handle(new Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: nothing to ignore
        }
    }

    private static void endWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            // onExit() of a process that is not our child polls at growing intervals (up to 5 s): poll at a steady pace
            Thread watcher = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Runtime.getRuntime().halt(143);
            }, "awstutor-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        });
    }
}
