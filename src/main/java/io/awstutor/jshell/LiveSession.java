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
    private final Set<String> setupSnippetIds = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;

    LiveSession(JShell jshell) {
        this.jshell = jshell;
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
        for (SnippetEvent event : jshell.eval(snippet)) {
            setupSnippetIds.add(event.snippet().id());
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("The Java session could not start: " + snippet + " -> "
                        + (event.exception() != null ? event.exception().getMessage()
                        : jshell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("rejected")));
            }
        }
    }

    void close() {
        try {
            jshell.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
