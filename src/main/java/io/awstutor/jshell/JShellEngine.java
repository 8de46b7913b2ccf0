package io.awstutor.jshell;

import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.jshell.agent.LearnerClients;
import io.awstutor.target.TargetSettings;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The learner's Java session: a JShell whose snippets run in a separate JVM (JShell's JDI
 * execution engine), with the AWS SDK on its class path and the clients already built.
 *
 * <p>Why remote execution rather than local: a snippet that calls {@code System.exit},
 * exhausts memory or loops forever must not cost the learner the shell. In a separate JVM,
 * Ctrl-C stops a snippet through JDI on every JDK (local execution relies on
 * {@code Thread.stop}, which throws on JDK 20 and later), and an exiting snippet only ends
 * that JVM, after which a fresh one starts with the clients rebuilt. The price is a second
 * JVM's start-up, which is paid in the background while the learner reads the lesson.
 */
public final class JShellEngine implements AutoCloseable {

    private volatile TargetSettings target;
    /** More system properties for the learner's JVM (the cost guard's channel). */
    private final java.util.Map<String, String> extraProperties = new java.util.concurrent.ConcurrentHashMap<>();
    private final PrintStream out;
    private final InputStream in;
    private final Path eventFile;
    private final CallLogReader callLog;
    private volatile CompletableFuture<JShell> session;
    private volatile boolean shutDown;
    private volatile boolean stopRequested;
    private volatile EvalException lastException;
    /** JShell is not thread-safe; the learner's evaluations and the background definitions take turns. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    /** Per session: the services whose client variable exists, and the snippets the learner did not type. */
    private final java.util.Set<String> definedServices = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> setupSnippetIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private final java.util.Map<String, String> stringVariables;

    /**
     * @param stringVariables String variables the session starts with (the learner's
     *                        {@code prefix} for global names), so snippets can use them
     */
    public JShellEngine(TargetSettings target, PrintStream out, InputStream in, java.util.Map<String, String> stringVariables) {
        this.stringVariables = java.util.Map.copyOf(stringVariables);
        this.target = target;
        this.out = out;
        this.in = in;
        try {
            this.eventFile = Files.createTempFile("awstutor-calls", ".jsonl");
            this.eventFile.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.callLog = new CallLogReader(eventFile);
    }

    /** System properties for the learner's JVM; call before {@link #start()}. */
    public JShellEngine withSystemProperties(java.util.Map<String, String> properties) {
        extraProperties.putAll(properties);
        return this;
    }

    public TargetSettings target() {
        return target;
    }

    /** Points the learner's clients at another target: a fresh Java session built for it. */
    public void retarget(TargetSettings newTarget) {
        lock.lock();
        try {
            this.target = newTarget;
            restart("the target changed");
        } finally {
            lock.unlock();
        }
    }

    /** Starts the JShell process in the background; the first evaluation waits for it. */
    public JShellEngine start() {
        session = CompletableFuture.supplyAsync(this::createSession);
        return this;
    }

    private JShell createSession() {
        List<String> vmOptions = new ArrayList<>();
        vmOptions.add("-XX:TieredStopAtLevel=1");
        vmOptions.add("-XX:+UseSerialGC");
        vmOptions.add("-Xshare:auto");
        vmOptions.add("-D" + LearnerClients.EVENT_FILE_PROPERTY + "=" + eventFile);
        target.toSystemProperties().forEach((k, v) -> vmOptions.add("-D" + k + "=" + v));
        extraProperties.forEach((k, v) -> vmOptions.add("-D" + k + "=" + v));
        String classPath = System.getProperty("java.class.path");
        vmOptions.add("--class-path");
        vmOptions.add(classPath);
        JShell shell = JShell.builder()
                .out(out).err(out).in(in)
                .remoteVMOptions(vmOptions.toArray(String[]::new))
                .compilerOptions("--class-path", classPath)
                .build();
        shutDown = false;
        shell.onShutdown(s -> shutDown = true);
        definedServices.clear();
        setupSnippetIds.clear();
        for (String snippet : startupSnippets()) {
            evalSetup(shell, snippet);
        }
        callLog.skipToEnd();
        Thread definer = new Thread(() -> defineServicesInBackground(shell), "awstutor-clients");
        definer.setDaemon(true);
        definer.start();
        return shell;
    }

    private void evalSetup(JShell shell, String snippet) {
        for (SnippetEvent event : shell.eval(snippet)) {
            setupSnippetIds.add(event.snippet().id());
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("The Java session could not start: " + snippet + " -> "
                        + (event.exception() != null ? event.exception().getMessage()
                        : shell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("rejected")));
            }
        }
    }

    /** Defines one service's packages and client, unless done already; the caller holds the lock. */
    private void defineService(JShell shell, String service) {
        if (definedServices.add(service)) {
            for (String snippet : StartupSnippets.service(service)) {
                evalSetup(shell, snippet);
            }
        }
    }

    /** Defines the services a piece of source names (sts, s3, ...), before it is compiled. */
    private void defineServicesNamedIn(JShell shell, String source) {
        for (String service : StartupSnippets.SERVICES.keySet()) {
            if (!definedServices.contains(service)
                    && java.util.regex.Pattern.compile("\\b" + service + "\\b").matcher(source).find()) {
                defineService(shell, service);
            }
        }
    }

    private void defineAllServices(JShell shell) {
        StartupSnippets.SERVICES.keySet().forEach(service -> defineService(shell, service));
    }

    /** While the learner reads, the remaining services are defined one at a time, yielding to evaluations. */
    private void defineServicesInBackground(JShell shell) {
        for (String service : StartupSnippets.SERVICES.keySet()) {
            while (!closed && !shutDown && !lock.tryLock()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closed || shutDown) {
                return;
            }
            try {
                if (session != null && session.getNow(null) != shell && session.isDone()) {
                    return; // a newer session took over
                }
                defineService(shell, service);
            } catch (RuntimeException e) {
                return; // the session ended under us; the next one starts its own definer
            } finally {
                lock.unlock();
            }
        }
    }

    private List<String> startupSnippets() {
        List<String> snippets = new ArrayList<>(StartupSnippets.core());
        stringVariables.forEach((name, value) -> snippets.add("String " + name + " = \""
                + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\";"));
        return snippets;
    }

    /** The session, waiting for it to be ready. */
    public JShell jshell() {
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

    public boolean isReady() {
        return session != null && session.isDone() && !session.isCompletedExceptionally();
    }

    /** Whether the input is a whole snippet yet (else the shell reads another line). */
    public boolean isComplete(String source) {
        JShell shell = jshell();
        lock.lock();
        try {
            SourceCodeAnalysis.Completeness completeness = shell.sourceCodeAnalysis().analyzeCompletion(source).completeness();
            return completeness != SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    && completeness != SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE;
        } finally {
            lock.unlock();
        }
    }

    /** Evaluates every snippet in {@code source}, in order. */
    public List<SnippetOutcome> eval(String source) {
        JShell shell = jshell();
        lock.lock();
        try {
            defineServicesNamedIn(shell, source);
            List<SnippetOutcome> outcomes = evalLocked(shell, source);
            if (!outcomes.isEmpty() && outcomes.get(0) instanceof SnippetOutcome.CompileError
                    && definedServices.size() < StartupSnippets.SERVICES.size()) {
                // a model class of a service not yet imported (CreateBucketRequest before s3 was used)
                defineAllServices(shell);
                outcomes = evalLocked(shell, source);
            }
            if (!outcomes.isEmpty() && outcomes.get(0) instanceof SnippetOutcome.CompileError error) {
                Optional<String> settle = AmbiguousNames.importFor(error.message(), source, JShellEngine.class.getClassLoader());
                if (settle.isPresent()) {
                    evalSetup(shell, settle.get());
                    outcomes = evalLocked(shell, source);
                }
            }
            return outcomes;
        } finally {
            lock.unlock();
        }
    }

    private List<SnippetOutcome> evalLocked(JShell shell, String source) {
        List<SnippetOutcome> outcomes = new ArrayList<>();
        String remaining = source;
        stopRequested = false;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            String snippet = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI
                    ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            if (snippet == null || snippet.isBlank()) {
                break;
            }
            SnippetOutcome outcome = evalOne(shell, snippet);
            outcomes.add(outcome);
            if (outcome instanceof SnippetOutcome.SessionRestarted || outcome instanceof SnippetOutcome.Interrupted) {
                break;
            }
            if (shutDown) {
                outcomes.set(outcomes.size() - 1, restart("the snippet ended the Java process"));
                break;
            }
        }
        return outcomes;
    }

    private SnippetOutcome evalOne(JShell shell, String snippet) {
        List<SnippetEvent> events;
        try {
            events = shell.eval(snippet);
        } catch (IllegalStateException closed) {
            return restart("the Java process had ended");
        }
        if (shutDown) {
            return restart("the snippet ended the Java process (System.exit or a crash)");
        }
        if (stopRequested) {
            return new SnippetOutcome.Interrupted();
        }
        SnippetOutcome result = new SnippetOutcome.Ran();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update to a dependent snippet, not the learner's
            }
            Snippet sn = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                return new SnippetOutcome.CompileError(describeDiagnostic(shell, sn));
            }
            if (event.exception() != null) {
                return failure(event.exception());
            }
            if (sn instanceof VarSnippet var) {
                boolean temporary = sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                result = new SnippetOutcome.Value(var.name(), var.typeName(), event.value(), temporary);
            } else if (sn.kind() == Snippet.Kind.EXPRESSION && event.value() != null) {
                result = new SnippetOutcome.Value(((jdk.jshell.ExpressionSnippet) sn).name(),
                        ((jdk.jshell.ExpressionSnippet) sn).typeName(), event.value(), false);
            } else if (sn.kind() == Snippet.Kind.METHOD || sn.kind() == Snippet.Kind.TYPE_DECL
                    || sn.kind() == Snippet.Kind.IMPORT) {
                result = new SnippetOutcome.Declared(describeDeclaration(sn, event));
            }
        }
        return result;
    }

    private SnippetOutcome failure(Exception exception) {
        if (stopRequested) {
            return new SnippetOutcome.Interrupted();
        }
        if (exception instanceof EvalException eval) {
            lastException = eval;
            String cls = eval.getExceptionClassName();
            boolean aws = cls != null && cls.startsWith("software.amazon.awssdk.");
            return new SnippetOutcome.Failed(cls, eval.getMessage(), aws);
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return new SnippetOutcome.CompileError("'" + unresolved.getSnippet().source().strip()
                    + "' uses something that is not defined yet: define it first, then call it again.");
        }
        return new SnippetOutcome.Failed(exception.getClass().getName(), exception.getMessage(), false);
    }

    private static String describeDeclaration(Snippet sn, SnippetEvent event) {
        String verb = event.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "replaced";
        return switch (sn.kind()) {
            case METHOD -> verb + " method " + ((jdk.jshell.MethodSnippet) sn).name() + ((jdk.jshell.MethodSnippet) sn).signature();
            case TYPE_DECL -> verb + " " + sn.subKind().name().toLowerCase(Locale.ROOT).replace("_subkind", "").replace('_', ' ')
                    + " " + ((jdk.jshell.TypeDeclSnippet) sn).name();
            case IMPORT -> "imported " + ((jdk.jshell.ImportSnippet) sn).fullname();
            default -> verb;
        };
    }

    private static String describeDiagnostic(JShell shell, Snippet sn) {
        Optional<Diag> first = shell.diagnostics(sn).filter(Diag::isError).findFirst();
        if (first.isEmpty()) {
            return "This is not valid Java here.";
        }
        Diag diag = first.get();
        String source = sn.source();
        int pos = (int) Math.max(0, Math.min(source.length(), diag.getPosition() < 0 ? 0 : diag.getPosition()));
        int lineStart = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        int lineEnd = source.indexOf('\n', pos);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        String raw = diag.getMessage(Locale.ENGLISH).replace("\r", "");
        // javac's "location: class" names JShell's hidden wrapper class, which says nothing
        // (jshell leaves it out too); a named class is shortened as signatures are
        String message = raw.lines().filter(l -> !l.strip().equals("location: class"))
                .map(l -> l.strip().startsWith("location:") ? readable(l) : l)
                .map(l -> l.strip().startsWith("symbol:") ? l.replaceFirst("(method \\w+)\\(.+\\)$", "$1(…)") : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        String suggestion = DidYouMean.forMessage(raw, shell.variables().filter(v -> shell.status(v).isActive()).map(VarSnippet::name).toList(),
                JShellEngine.class.getClassLoader()).map(s -> "\n" + s).orElse("");
        return message + "\n    " + line + "\n    " + " ".repeat(Math.max(0, pos - lineStart)) + "^" + suggestion;
    }

    private SnippetOutcome restart(String reason) {
        JShell old = session.getNow(null);
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        session = CompletableFuture.completedFuture(createSession());
        return new SnippetOutcome.SessionRestarted(reason);
    }

    /** Ctrl-C: stops the running snippet, if any. */
    public void stop() {
        JShell shell = session == null ? null : session.getNow(null);
        if (shell != null) {
            stopRequested = true;
            try {
                shell.stop();
            } catch (RuntimeException e) {
                // the JShell process is already gone; the evaluation reports the restart
            }
        }
    }

    /** Calls the learner's clients made since the last drain. */
    public List<CallRecord> drainCalls() {
        return callLog.readNew();
    }

    /** The last exception's full trace, for /trace. */
    public Optional<String> lastTrace() {
        EvalException e = lastException;
        if (e == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(e.getExceptionClassName()).append(": ").append(e.getMessage()).append('\n');
        for (StackTraceElement element : e.getStackTrace()) {
            sb.append("    at ").append(element).append('\n');
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            String name = cause instanceof EvalException ee ? ee.getExceptionClassName() : cause.getClass().getName();
            sb.append("Caused by: ").append(name).append(": ").append(cause.getMessage()).append('\n');
            for (StackTraceElement element : cause.getStackTrace()) {
                sb.append("    at ").append(element).append('\n');
            }
            cause = cause.getCause();
        }
        return Optional.of(sb.toString());
    }

    /** The learner's variables (startup clients included), as jshell's /vars shows them. */
    public List<String> variables() {
        return locked(shell -> shell.variables().filter(v -> shell.status(v).isActive())
                .map(v -> v.typeName() + " " + v.name() + " = " + shell.varValue(v)).toList());
    }

    public List<VarSnippet> varSnippets() {
        return locked(shell -> shell.variables().filter(v -> shell.status(v).isActive()).toList());
    }

    public String varValue(VarSnippet var) {
        return locked(shell -> shell.varValue(var));
    }

    public List<String> methods() {
        return locked(shell -> shell.methods().filter(m -> shell.status(m).isActive())
                .map(m -> m.name() + m.signature()).toList());
    }

    public List<String> types() {
        return locked(shell -> shell.types().filter(t -> shell.status(t).isActive()).map(t -> t.name()).toList());
    }

    public List<String> imports() {
        return locked(shell -> shell.imports().filter(i -> shell.status(i).isActive())
                .map(i -> "import " + i.fullname() + ";").toList());
    }

    /** The learner's own snippets (not the startup ones), as jshell's /list shows them. */
    public List<String> learnerSnippets() {
        return locked(shell -> shell.snippets().filter(s -> !setupSnippetIds.contains(s.id()) && shell.status(s).isActive())
                .map(s -> s.id() + ": " + s.source().strip()).toList());
    }

    private <T> T locked(java.util.function.Function<JShell, T> query) {
        JShell shell = jshell();
        lock.lock();
        try {
            return query.apply(shell);
        } finally {
            lock.unlock();
        }
    }

    /** Completion candidates at the cursor, JShell's own analysis. */
    public List<String> complete(String buffer, int cursor) {
        if (!isReady()) {
            return List.of();
        }
        List<String> direct = suggestions(buffer, cursor);
        if (!direct.isEmpty()) {
            return direct;
        }
        return builderLambdaSuggestions(buffer.substring(0, cursor));
    }

    private List<String> suggestions(String buffer, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions;
        JShell shell = jshell();
        lock.lock();
        try {
            defineServicesNamedIn(shell, buffer);
            suggestions = shell.sourceCodeAnalysis().completionSuggestions(buffer, cursor, anchor);
        } finally {
            lock.unlock();
        }
        String prefix = buffer.substring(0, anchor[0]);
        List<SourceCodeAnalysis.Suggestion> typed = suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).toList();
        return (typed.isEmpty() ? suggestions : typed).stream().map(s -> prefix + s.continuation()).distinct().toList();
    }

    /** {@code s3.createBucket(b -> b.buc}: the SDK's overloads hide the lambda's type from javac. */
    private static final java.util.regex.Pattern BUILDER_LAMBDA =
            java.util.regex.Pattern.compile("(?s).*\\b(\\w+)\\(\\s*(\\w+)\\s*->\\s*(?:\\2\\.\\w+\\([^()]*\\)\\s*)*\\2\\.(\\w*)$");

    /**
     * The SDK's client methods come in two overloads (a request, or a consumer of the
     * request's builder), so inside {@code b -> b.} javac cannot tell b's type and JShell
     * offers nothing. Every SDK operation's request class is its name plus "Request", so
     * the candidates are those of {@code XRequest.builder().}, given back in place.
     */
    /** What a builder inherits from Object and the SDK's plumbing: never what a learner looks for. */
    private static final List<String> BUILDER_NOISE = List.of("build(", "build()", "applyMutation(", "equals(", "hashCode()",
            "getClass()", "notify()", "notifyAll()", "wait(", "wait()", "toString()", "copy(", "copy()", "sdkFields()",
            "equalsBySdkFields(", "sdkFieldNameToField()");

    private List<String> builderLambdaSuggestions(String beforeCursor) {
        java.util.regex.Matcher m = BUILDER_LAMBDA.matcher(beforeCursor);
        if (!m.matches()) {
            return List.of();
        }
        String operation = m.group(1);
        String partial = m.group(3);
        String probe = Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + "Request.builder()." + partial;
        String head = beforeCursor.substring(0, beforeCursor.length() - partial.length());
        int prefixLength = probe.length() - partial.length();
        return suggestions(probe, probe.length()).stream()
                .filter(s -> s.length() >= prefixLength)
                .map(s -> head + s.substring(prefixLength))
                .filter(s -> BUILDER_NOISE.stream().noneMatch(s::endsWith))
                .toList();
    }

    /** Signatures (and any Javadoc JShell has) of the method or type under the cursor. */
    public List<String> documentation(String buffer, int cursor) {
        if (!isReady()) {
            return List.of();
        }
        JShell shell = jshell();
        lock.lock();
        try {
            defineServicesNamedIn(shell, buffer);
            List<String> docs = documentationAt(shell, buffer, cursor);
            if (docs.isEmpty()) {
                // inside "b -> b.bucket" javac cannot type b (see builderLambdaSuggestions): ask the request's builder
                java.util.regex.Matcher m = BUILDER_LAMBDA.matcher(buffer.substring(0, Math.min(cursor, buffer.length())));
                if (m.matches() && !m.group(3).isEmpty()) {
                    String probe = Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1)
                            + "Request.builder()." + m.group(3) + "(";
                    docs = documentationAt(shell, probe, probe.length());
                }
            }
            return docs;
        } finally {
            lock.unlock();
        }
    }

    private static List<String> documentationAt(JShell shell, String buffer, int cursor) {
        return shell.sourceCodeAnalysis().documentation(buffer, cursor, true).stream()
                .map(d -> readable(d.signature()) + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n" + d.javadoc()))
                .distinct().toList();
    }

    /** A signature as a learner reads it: simple type names, no throws clause. */
    static String readable(String signature) {
        String withoutThrows = signature.replaceFirst("\\s+throws\\s+.*$", "");
        return withoutThrows.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    /** Drops every learner snippet and starts a fresh Java process (jshell's /reset). */
    public void reset() {
        lock.lock();
        try {
            restart("reset");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<JShell> current = session;
        if (current != null) {
            current.thenAccept(JShell::close);
            if (current.isDone() && !current.isCompletedExceptionally()) {
                current.join().close();
            }
        }
        try {
            Files.deleteIfExists(eventFile);
        } catch (IOException ignored) {
            // a temp file; the JVM's deleteOnExit tries again
        }
    }
}
