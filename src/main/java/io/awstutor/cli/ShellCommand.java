package io.awstutor.cli;

import io.awstutor.jshell.JShellEngine;
import io.awstutor.jshell.Milestones;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.progress.Progress;
import io.awstutor.progress.ProgressStore;
import io.awstutor.progress.TutorHome;
import io.awstutor.shell.JLineIO;
import io.awstutor.shell.PipeIO;
import io.awstutor.shell.ShellCompleter;
import io.awstutor.shell.SecretMask;
import io.awstutor.shell.ShellIO;
import io.awstutor.shell.Tutor;
import io.awstutor.shell.TutorShell;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.target.Targets;
import io.awstutor.cost.CostGuard;
import io.awstutor.cost.CostLookups;
import io.awstutor.cost.GuardChannel;
import io.awstutor.cost.GuardServer;
import io.awstutor.cost.PriceTable;
import io.awstutor.shell.ShellGuardPrompt;
import io.awstutor.shell.TargetDesk;
import io.awstutor.cost.Ledger;
import io.awstutor.workshop.join.WorkshopJoin;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** {@code awstutor shell}: the learner's REPL on a target (the embedded sandbox by default). */
@Command(name = "shell", mixinStandardHelpOptions = true, description = "Open the tutorial shell (the default).")
public final class ShellCommand implements Callable<Integer> {

    @Mixin
    ShellOptions options = new ShellOptions();

    private final StartAhead ahead;

    public ShellCommand() {
        this.ahead = StartAhead.NONE;
    }

    ShellCommand(ShellOptions options, StartAhead ahead) {
        this.options = options;
        this.ahead = ahead;
    }

    @Override
    public Integer call() throws Exception {
        Path home = TutorHome.resolve();
        Files.createDirectories(home);
        AtomicReference<CostGuard> guard = new AtomicReference<>();
        AtomicReference<TargetDesk> desk = new AtomicReference<>();
        // joining asks for the learner's name on the terminal: before the Java session shares standard input
        Optional<WorkshopJoin.Joined> workshop = WorkshopLearner.join(options, home, stdinIsTerminal());
        PrintStream out = System.out;
        // what the learner's snippets print passes through the secret mask on its way to the screen
        SecretMask secrets = new SecretMask();
        SecretMask.MaskingStream learnerStream = secrets.wrap(out);
        PrintStream learnerOut = new PrintStream(learnerStream, true, java.nio.charset.StandardCharsets.UTF_8);
        // The Java session's JVM is launched first: its start overlaps the shell's, the sandbox's and the
        // lesson's; the cost guard's channel, the learner's prefix and the target reach it when known
        CompletableFuture<Target> opened = new CompletableFuture<>();
        JShellEngine engine = new JShellEngine(opened.thenApply(Target::settings), learnerOut, System.in, java.util.Map.of()).start();
        Shutdown shutdown = new Shutdown(engine, desk, opened);
        try (GuardServer guardServer = new GuardServer(question -> {
                 CostGuard current = guard.get();
                 return current == null ? GuardChannel.Answer.refused("awstutor's cost guard is not ready yet; try again.")
                         : current.review(question);
             })) {
            boolean terminal = stdinIsTerminal();
            ProgressStore store = new ProgressStore(home);
            Progress progress = store.load(System.err);
            engine.withSystemProperties(guardServer.systemProperties())
                    .withStringVariables(java.util.Map.of("prefix", progress.learnerPrefix));
            // the lessons are read and parsed on another core while the target opens: both lie on the way to the first step
            CompletableFuture<LessonCatalog> lessons = workshop.isPresent()
                    ? CompletableFuture.completedFuture(workshop.get().catalog()) : CompletableFuture.supplyAsync(this::catalog);
            // then Jackson, whose first use (reading the call log after the first snippet) would otherwise
            // put its initialisation between the first answer and the learner (the sandbox no longer makes it at start)
            CompletableFuture.runAsync(io.awstutor.json.JsonMappers::mapper);
            try {
                Target target = workshop.isPresent() ? joined(opened, workshop.get()) : open(opened, options.targetRequest());
                shutdown.target(target);
                Milestones.reached("sandbox");
                LessonCatalog catalog = joinCatalog(lessons);
                Milestones.reached("lessons-parsed");
                if (catalog.lessons().isEmpty()) {
                    System.err.println("awstutor: no lessons could be loaded"
                            + (catalog.problems().isEmpty() ? "." : ": " + catalog.problems().get(0).getMessage()));
                    return 1;
                }
                Tutor tutor = new Tutor(catalog, progress, store, engine, new ClientFactory(target.settings()));
                AtomicReference<TutorShell> shellRef = new AtomicReference<>();
                try (ShellIO io = terminal ? jline(home, engine, shellRef) : new PipeIO(System.in, out)) {
                    guard.set(new CostGuard(PriceTable.bundled(), engine::target, options.allowBillable, new ShellGuardPrompt(io),
                            () -> tutor.lesson().id(), id -> CostLookups.dbInstanceClass(tutor.checkClients(), id)));
                    TutorShell shell = new TutorShell(io, tutor, engine, target.settings().describe());
                    shell.secrets(secrets, learnerStream::release);
                    desk.set(new TargetDesk(io, tutor, engine, Ledger.open(home, System.err), target, Targets::open,
                            java.time.Clock.systemUTC()));
                    desk.get().install(shell);
                    new io.awstutor.shell.ConsoleCommand(io, tutor::checkClients).install(shell);
                    shellRef.set(shell);
                    try (AutoCloseable session = WorkshopLearner.install(workshop, shell, tutor)) {
                        int code = shell.run();
                        Milestones.reached("quit");
                        return code;
                    }
                }
            } finally {
                shutdown.run();
            }
        } finally {
            shutdown.run(); // also when the guard's server or the progress could not start
        }
    }

    private LessonCatalog catalog() {
        try {
            return options.lessons == null ? ahead.bundledLessons() : LessonCatalog.fromFolder(options.lessons);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The parsed lessons, or the lesson folder's IOException as {@code --lessons DIR} always reported it. */
    private static LessonCatalog joinCatalog(CompletableFuture<LessonCatalog> lessons) throws java.io.IOException {
        try {
            return lessons.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A workshop's target: the learner's own account in the instructor's sandbox (nothing to start). */
    private static Target joined(CompletableFuture<Target> opened, WorkshopJoin.Joined workshop) {
        Target target = new Target(workshop.target(), null);
        opened.complete(target);
        return target;
    }

    private static Target open(CompletableFuture<Target> opened, io.awstutor.target.TargetRequest request) {
        try {
            Target target = Targets.open(request);
            opened.complete(target);
            return target;
        } catch (RuntimeException e) {
            opened.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Ends the Java session and the target once: at the end of the session, or on a SIGTERM
     * (a shutdown hook), which would otherwise leave the session's JVM and the sandbox's
     * temporary files behind.
     */
    private static final class Shutdown implements Runnable {
        private final JShellEngine engine;
        private final AtomicReference<TargetDesk> desk;
        private final CompletableFuture<Target> opened;
        private final AtomicBoolean done = new AtomicBoolean();
        private final Thread hook = new Thread(this, "awstutor-shutdown");
        private volatile Target target;

        Shutdown(JShellEngine engine, AtomicReference<TargetDesk> desk, CompletableFuture<Target> opened) {
            this.engine = engine;
            this.desk = desk;
            this.opened = opened;
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void target(Target opened) {
            this.target = opened;
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) already
                }
            }
            // a session still waiting for its target (the shell failed before opening it) closes itself
            opened.completeExceptionally(new IllegalStateException("the shell ended before its target opened"));
            try {
                engine.close();
            } finally {
                if (desk.get() != null) {
                    desk.get().close();
                } else if (target != null) {
                    target.close();
                }
            }
        }
    }

    /**
     * Whether a person is typing. Before JDK 22 {@code System.console()} is null unless both
     * standard streams are a terminal; from JDK 22 it always exists and says so through
     * {@code isTerminal()}, which this jar, built for 17, reaches reflectively.
     */
    static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static ShellIO jline(Path home, JShellEngine engine, AtomicReference<TutorShell> shell) throws java.io.IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).name("awstutor").build();
        ShellCompleter completer = new ShellCompleter(
                () -> shell.get().commands().names(),
                command -> shell.get().commands().argumentCandidates(command, 1),
                () -> engine);
        return new JLineIO(terminal, home.resolve("history"), completer, engine::documentation);
    }

}
