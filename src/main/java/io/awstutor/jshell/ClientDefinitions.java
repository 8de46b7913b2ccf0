package io.awstutor.jshell;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The deferred definitions of one session, the imports, the service clients ({@code sts},
 * {@code s3}, ...) and the string variables ({@code prefix}): a client or variable just in
 * time when a snippet names it (a client's imports too when the snippet names a type), all of
 * them before a snippet that did not compile is tried again, and the rest one at a time in
 * the background while the learner reads (see {@link StartupSnippets} for why not at start).
 */
final class ClientDefinitions {
    private static final String IMPORTS = "imports";
    private static final String CLIENTS = "clients";
    /** A capitalised word: a type's simple name, which may need a service's imports. */
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");

    private final LiveSession session;
    private final Map<String, String> stringVariables;
    private final Set<String> defined = ConcurrentHashMap.newKeySet();

    ClientDefinitions(LiveSession session, Map<String, String> stringVariables) {
        this.session = session;
        this.stringVariables = Map.copyOf(stringVariables);
        defined.add(StartupSnippets.FIRST_SERVICE); // by the core snippet
    }

    boolean allDefined() {
        return defined.size() == 2 + 2 * StartupSnippets.SERVICES.size() + stringVariables.size();
    }

    private void defineClients() {
        if (defined.add(CLIENTS)) {
            session.evalSetup(StartupSnippets.clients());
        }
    }

    /** The string variables ({@code prefix}), unless defined already; the caller holds the session's lock. */
    void defineStringVariables() {
        stringVariables.keySet().forEach(this::defineVariable);
    }

    private void defineVariable(String name) {
        if (defined.add("variable " + name)) {
            session.evalSetup("String " + name + " = " + SessionLauncher.javaString(stringVariables.get(name)) + ";");
        }
    }

    private void defineServiceImports(String service) {
        if (defined.add("imports " + service)) {
            for (String snippet : StartupSnippets.serviceImports(service)) {
                session.evalSetup(snippet);
            }
        }
    }

    private void defineImports() {
        if (defined.add(IMPORTS)) {
            for (String snippet : StartupSnippets.imports()) {
                session.evalSetup(snippet);
            }
        }
    }

    /** Defines one service's client, unless done already; the caller holds the session's lock. */
    private void defineClient(String service) {
        if (defined.add(service)) {
            session.evalSetup(StartupSnippets.serviceClient(service));
            Milestones.reached("client-" + service);
        }
    }

    /** Defines one service's client and imports, unless done already; the caller holds the session's lock. */
    void define(String service) {
        defineClient(service);
        defineServiceImports(service);
    }

    /**
     * Defines what a piece of source names, before it is compiled: the string variables, the
     * services' clients (sts, s3, ...), and their imports when it also names a type.
     */
    void defineNamedIn(String source) {
        stringVariables.keySet().stream().filter(name -> names(source, name)).forEach(this::defineVariable);
        if (names(source, CLIENTS)) {
            defineClients();
        }
        boolean namesAType = TYPE_NAME.matcher(source).find();
        for (String service : StartupSnippets.SERVICES.keySet()) {
            if (names(source, service)) {
                defineClient(service);
                if (namesAType) {
                    defineServiceImports(service);
                }
            }
        }
    }

    /** Whether {@code word} stands in {@code source} as a whole Java identifier (not inside {@code s3x} or {@code my_s3}). */
    static boolean names(String source, String word) {
        for (int at = source.indexOf(word); at >= 0; at = source.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isJavaIdentifierPart(source.charAt(at - 1)))
                    && (end == source.length() || !Character.isJavaIdentifierPart(source.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    void defineAll() {
        defineStringVariables();
        defineClients();
        defineImports();
        StartupSnippets.SERVICES.keySet().forEach(this::define);
    }

    /**
     * Defines the rest on a daemon thread while the learner reads (never ahead of a snippet
     * waiting for the session: its first one must not wait for definitions it does not use):
     * the string variables and {@code clients}, the imports, the other services; ends with the
     * session.
     */
    void defineInBackground(SessionLock lock, java.util.function.BooleanSupplier current) {
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        tasks.add(() -> {
            defineStringVariables();
            defineClients();
        });
        StartupSnippets.SERVICES.keySet().forEach(service -> tasks.add(() -> define(service)));
        tasks.add(2, this::defineImports);
        Thread definer = new Thread(() -> {
            for (Runnable task : tasks) {
                boolean[] stop = new boolean[1];
                boolean ran = lock.background(() -> {
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
            }
        }, "awstutor-clients");
        definer.setDaemon(true);
        definer.start();
    }
}
