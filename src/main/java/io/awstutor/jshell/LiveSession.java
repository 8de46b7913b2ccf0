package io.awstutor.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running Java session: the JShell, whether its JVM has ended, and the snippets the
 * learner did not type (the setup). A restart replaces the whole object, so nothing of an
 * old session leaks into a new one.
 */
final class LiveSession {
    final JShell jshell;
    /** An option on the session JVM's command line that no other process has: finds it among the shell's children. */
    private final String commandLineMark;
    private final Set<String> setupSnippetIds = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;

    LiveSession(JShell jshell, String commandLineMark) {
        this.jshell = jshell;
        this.commandLineMark = commandLineMark;
        jshell.onShutdown(s -> ended = true);
    }

    /** Whether the session's JVM has ended (System.exit, a crash, closed). */
    boolean ended() {
        return ended;
    }

    boolean isSetup(Snippet snippet) {
        return setupSnippetIds.contains(snippet.id());
    }

    /** Evaluates a snippet the learner did not type; a failure means the session cannot serve. */
    void evalSetup(String snippet) {
        for (String pin : AmbiguousNames.pinsBefore(snippet, jshell, s -> !isSetup(s), LiveSession.class.getClassLoader())) {
            evalSetupOnly(pin);
        }
        evalSetupOnly(snippet);
    }

    private void evalSetupOnly(String snippet) {
        for (SnippetEvent event : jshell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue; // a snippet that depends on this one, the learner's maybe: not setup, not this one's failure
            }
            setupSnippetIds.add(event.snippet().id());
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("The Java session could not start: " + snippet + " -> "
                        + (event.exception() != null ? event.exception().getMessage()
                        : jshell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("rejected")));
            }
        }
    }

    /**
     * Ends the session and its JVM. JShell ends the JVM with SIGTERM, to which a JDK 17 JVM
     * takes about 300 ms to answer (its exit waits that long for threads blocked in native
     * code: here the JDWP and socket readers), and the shell's own exit then waits as long for
     * the thread that waits for the child: 0.3 s at every /quit, doubled. Nothing in the
     * session's JVM needs an orderly end (every call is in the call log as it is made), so it
     * is killed at once.
     */
    void close() {
        try {
            jshell.close();
        } catch (RuntimeException ignored) {
            // already gone
        } finally {
            ProcessHandle.current().children()
                    .filter(child -> child.info().arguments().map(args -> java.util.Arrays.asList(args).contains(commandLineMark)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}
