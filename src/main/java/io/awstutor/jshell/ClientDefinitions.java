package io.awstutor.jshell;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The deferred definitions of one session, the imports and the service clients
 * ({@code sts}, {@code s3}, ...): a client just in time when a snippet names it, all of
 * them before a snippet that did not compile is tried again, and the rest one at a time in
 * the background while the learner reads (see {@link StartupSnippets} for why not at start).
 */
final class ClientDefinitions {
    private static final String IMPORTS = "imports";

    private final LiveSession session;
    private final Set<String> defined = ConcurrentHashMap.newKeySet();

    ClientDefinitions(LiveSession session) {
        this.session = session;
    }

    boolean allDefined() {
        return defined.size() == StartupSnippets.SERVICES.size() + 1;
    }

    private void defineImports() {
        if (defined.add(IMPORTS)) {
            for (String snippet : StartupSnippets.imports()) {
                session.evalSetup(snippet);
            }
        }
    }

    /** Defines one service's packages and client, unless done already; the caller holds the session's lock. */
    void define(String service) {
        if (defined.add(service)) {
            for (String snippet : StartupSnippets.service(service)) {
                session.evalSetup(snippet);
            }
            Milestones.reached("client-" + service);
        }
    }

    /** Defines the services a piece of source names (sts, s3, ...), before it is compiled. */
    void defineNamedIn(String source) {
        for (String service : StartupSnippets.SERVICES.keySet()) {
            if (!defined.contains(service) && Pattern.compile("\\b" + service + "\\b").matcher(source).find()) {
                define(service);
            }
        }
    }

    void defineAll() {
        defineImports();
        StartupSnippets.SERVICES.keySet().forEach(this::define);
    }

    /**
     * Defines the rest on a daemon thread: the first service (sts, the first lesson's) as soon
     * as the session is ready, the imports and the other services while the learner reads;
     * ends with the session.
     */
    void defineInBackground(SessionLock lock, java.util.function.BooleanSupplier current) {
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        StartupSnippets.SERVICES.keySet().forEach(service -> tasks.add(() -> define(service)));
        tasks.add(1, this::defineImports);
        Thread definer = new Thread(() -> {
            boolean first = true;
            for (Runnable task : tasks) {
                boolean[] stop = new boolean[1];
                boolean ran = lock.background(first, () -> {
                    if (!current.getAsBoolean() || session.ended()) {
                        stop[0] = true;
                        return;
                    }
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        stop[0] = true; // the session ended under us; the next one starts its own definer
                    }
                });
                if (!ran || stop[0]) {
                    return;
                }
                first = false;
            }
        }, "awstutor-clients");
        definer.setDaemon(true);
        definer.start();
    }
}
