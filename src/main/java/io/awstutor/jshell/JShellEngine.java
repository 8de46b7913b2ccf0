package io.awstutor.jshell;

import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.TargetSettings;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The learner's Java session: a JShell whose snippets run in a separate JVM (JShell's JDI
 * execution engine), with the AWS SDK on its class path and the clients already built.
 *
 * <p>Why remote execution rather than local: a snippet that calls {@code System.exit},
 * exhausts memory or loops forever must not cost the learner the shell. In a separate JVM,
 * Ctrl-C stops a snippet through JDI on every JDK (local execution relies on
 * {@code Thread.stop}, which throws on JDK 20 and later), and an exiting snippet only ends
 * that JVM, after which a fresh one starts with the clients rebuilt. The price is a second
 * JVM's start-up, which is paid in the background, from the shell's first moments, while the
 * sandbox starts and the learner reads the lesson.
 *
 * <p>The work is split by responsibility: {@link SessionLauncher} (the JVM and its setup),
 * {@link ClientDefinitions} (the clients, just in time or in the background),
 * {@link SessionLock} (the learner first), {@link SnippetEvaluator}, {@link DiagnosticText},
 * {@link SessionListings}, {@link Completions}, {@link Documentation}, {@link CallLogReader}.
 */
public final class JShellEngine implements AutoCloseable {

    private final CompletableFuture<TargetSettings> initialTarget;
    private volatile TargetSettings target;
    /** More system properties for the learner's JVM (the cost guard's channel). */
    private final Map<String, String> extraProperties = new ConcurrentHashMap<>();
    private final PrintStream out;
    private final InputStream in;
    private final Map<String, String> stringVariables = new ConcurrentHashMap<>();
    /**
     * Made with the first session, on the thread that launches it: making a temp file (the
     * JDK's SecureRandom) and sweeping a killed shell's leftovers took the main thread about
     * 20 ms before the session's launch could begin.
     */
    private volatile CallLogReader callLog;
    private final SessionLock lock = new SessionLock();
    private final SnippetEvaluator evaluator = new SnippetEvaluator();
    /** This JVM's class path indexed for the compiler, made on another core as the session's JVM launches; kept across sessions */
    private volatile CompletableFuture<Optional<ClassPathIndex>> classPathIndex = CompletableFuture.completedFuture(Optional.empty());
    private volatile CompletableFuture<Session> session;
    private volatile boolean closed;

    /** A session and its clients: replaced together on a restart. */
    private record Session(LiveSession live, ClientDefinitions clients) {
        JShell jshell() {
            return live.jshell;
        }
    }

    /**
     * @param stringVariables String variables the session starts with (the learner's
     *                        {@code prefix} for global names), so snippets can use them
     */
    public JShellEngine(TargetSettings target, PrintStream out, InputStream in, Map<String, String> stringVariables) {
        this(CompletableFuture.completedFuture(target), out, in, stringVariables);
    }

    /**
     * A session for a target that is still starting (the sandbox): the JVM is launched at
     * once and receives the target's settings when they are known.
     */
    public JShellEngine(CompletableFuture<TargetSettings> target, PrintStream out, InputStream in,
                        Map<String, String> stringVariables) {
        this.initialTarget = target;
        this.stringVariables.putAll(stringVariables);
        this.out = out;
        this.in = in;
    }

    /**
     * System properties for the learner's JVM (the cost guard's channel); call before the
     * target is known (the future given to the constructor completes), or before {@link #start()}.
     */
    public JShellEngine withSystemProperties(Map<String, String> properties) {
        extraProperties.putAll(properties);
        return this;
    }

    /** More String variables the session starts with; call as {@link #withSystemProperties}. */
    public JShellEngine withStringVariables(Map<String, String> variables) {
        stringVariables.putAll(variables);
        return this;
    }

    public TargetSettings target() {
        TargetSettings current = target;
        return current != null ? current : initialTarget.join();
    }

    /** Points the learner's clients at another target: a fresh Java session built for it. */
    public void retarget(TargetSettings newTarget) {
        lock.learner(() -> {
            this.target = newTarget;
            restart("the target changed");
        });
    }

    /** Starts the JShell process in the background; the first evaluation waits for it. */
    public JShellEngine start() {
        Milestones.reached("session-start");
        classPathIndex = ClassPathIndex.inBackground(System.getProperty("java.class.path"));
        session = CompletableFuture.supplyAsync(this::createSession);
        return this;
    }

    private synchronized CallLogReader callLog() {
        if (callLog == null) {
            callLog = CallLogReader.inTempFile();
        }
        return callLog;
    }

    private Session createSession() {
        CallLogReader log = callLog();
        SessionLauncher launcher = new SessionLauncher(out, in, log.file(), extraProperties, classPathIndex);
        LiveSession live = launcher.launch(this::target);
        log.skipToEnd();
        Session created = new Session(live, new ClientDefinitions(live, stringVariables));
        created.clients().defineInBackground(lock, () -> !closed && currentOrPending(created));
        return created;
    }

    /** Whether {@code s} is the session in use (or the one being created, before it is published). */
    private boolean currentOrPending(Session s) {
        CompletableFuture<Session> current = session;
        return current == null || !current.isDone() || current.getNow(null) == s;
    }

    private Session current() {
        try {
            return session.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Java session started", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    /** The session, waiting for it to be ready. */
    public JShell jshell() {
        return current().jshell();
    }

    public boolean isReady() {
        CompletableFuture<Session> current = session;
        return current != null && current.isDone() && !current.isCompletedExceptionally();
    }

    /** Whether the input is a whole snippet yet (else the shell reads another line). */
    public boolean isComplete(String source) {
        return locked(s -> {
            SourceCodeAnalysis.Completeness completeness = s.jshell().sourceCodeAnalysis().analyzeCompletion(source).completeness();
            return completeness != SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    && completeness != SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE;
        });
    }

    /** Evaluates every snippet in {@code source}, in order. */
    public List<SnippetOutcome> eval(String source) {
        return locked(s -> {
            s.clients().defineNamedIn(source);
            List<SnippetOutcome> outcomes = evaluator.evaluate(s.live(), s.clients(), source, this::restart);
            if (!outcomes.isEmpty() && outcomes.get(0) instanceof SnippetOutcome.CompileError error) {
                Optional<String> settle = AmbiguousNames.importFor(error.javacMessage(), source, JShellEngine.class.getClassLoader());
                if (settle.isPresent()) {
                    s.live().evalSetup(settle.get());
                    outcomes = evaluator.evaluate(s.live(), s.clients(), source, this::restart);
                }
            }
            Milestones.reached("eval-done");
            return outcomes;
        });
    }

    /** Closes the current session and starts a fresh one; the caller holds the lock. */
    private SnippetOutcome restart(String reason) {
        Session old = session.getNow(null);
        if (old != null) {
            old.live().close();
        }
        session = CompletableFuture.completedFuture(createSession());
        return new SnippetOutcome.SessionRestarted(reason);
    }

    /**
     * Runs {@code read} (the shell waiting for the learner's next line): while it waits, the
     * session defines the clients not used yet.
     */
    public <T> T whileLearnerReads(java.util.function.Supplier<T> read) {
        return lock.reading(read);
    }

    /** Ctrl-C: stops the running snippet, if any. */
    public void stop() {
        CompletableFuture<Session> current = session;
        Session s = current == null ? null : current.getNow(null);
        if (s != null) {
            evaluator.stopRequested();
            try {
                s.jshell().stop();
            } catch (RuntimeException e) {
                // the JShell process is already gone; the evaluation reports the restart
            }
        }
    }

    /** Calls the learner's clients made since the last drain. */
    public List<CallRecord> drainCalls() {
        return callLog().readNew();
    }

    /** The last exception's full trace, for /trace. */
    public Optional<String> lastTrace() {
        return evaluator.lastException().map(DiagnosticText::trace);
    }

    /** The learner's variables (startup clients and string variables included), as jshell's /vars shows them. */
    public List<String> variables() {
        return locked(s -> {
            s.clients().defineStringVariables();
            return SessionListings.variables(s.jshell());
        });
    }

    /** The variables defined so far (the session's deferred ones, such as {@code prefix}, may not be yet). */
    public List<VarSnippet> varSnippets() {
        return locked(s -> SessionListings.varSnippets(s.jshell()));
    }

    /** The variable of that name, the session's own ({@code prefix}) defined first if it is one and not yet. */
    public Optional<VarSnippet> variable(String name) {
        return locked(s -> {
            s.clients().defineNamedIn(name);
            return SessionListings.varSnippets(s.jshell()).stream().filter(v -> v.name().equals(name)).reduce((a, b) -> b);
        });
    }

    /** The variable's value; empty while it waits for something it names (JShell has none to give then). */
    public Optional<String> varValue(VarSnippet var) {
        return locked(s -> s.jshell().status(var) == jdk.jshell.Snippet.Status.VALID
                ? Optional.of(s.jshell().varValue(var)) : Optional.empty());
    }

    public List<String> methods() {
        return locked(s -> SessionListings.methods(s.jshell()));
    }

    public List<String> types() {
        return locked(s -> SessionListings.types(s.jshell()));
    }

    public List<String> imports() {
        return locked(s -> SessionListings.imports(s.jshell()));
    }

    /** The learner's own snippets (not the startup ones), as jshell's /list shows them. */
    public List<String> learnerSnippets() {
        return locked(s -> SessionListings.learnerSnippets(s.live()));
    }

    private <T> T locked(Function<Session, T> query) {
        current(); // waits for the session outside the lock, which background work may hold meanwhile
        return lock.learner(() -> query.apply(current()));
    }

    /** Completion candidates at the cursor, JShell's own analysis. */
    public List<String> complete(String buffer, int cursor) {
        if (!isReady()) {
            return List.of();
        }
        return Completions.at(buffer, cursor, (text, at, anchor) -> locked(s -> {
            s.clients().defineNamedIn(text);
            return s.jshell().sourceCodeAnalysis().completionSuggestions(text, at, anchor);
        }));
    }

    /** Signatures (and any Javadoc JShell has) of the method or type under the cursor. */
    public List<String> documentation(String buffer, int cursor) {
        if (!isReady()) {
            return List.of();
        }
        return locked(s -> {
            s.clients().defineNamedIn(buffer);
            return Documentation.at(s.jshell(), buffer, cursor);
        });
    }

    /** Drops every learner snippet and starts a fresh Java process (jshell's /reset). */
    public void reset() {
        lock.learner(() -> {
            restart("reset");
        });
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Session> current = session;
        if (current != null) {
            current.thenAccept(s -> s.live().close());
            if (current.isDone() && !current.isCompletedExceptionally()) {
                current.join().live().close();
            }
        }
        CallLogReader log = callLog;
        if (log != null) {
            log.delete();
        }
        classPathIndex.thenAccept(index -> index.ifPresent(ClassPathIndex::close));
    }
}
