package io.awstutor.cli;

import io.awstutor.lesson.LessonCatalog;

import java.util.concurrent.CompletableFuture;

/**
 * Work begun in {@code main} before the command line is parsed, on another core: picocli's
 * parse (reflection over the command's annotations) takes about a tenth of a second, and what
 * the shell needs next does not depend on it. The bundled lessons are
 * parsed (the first step needs them), then an in-memory sandbox is built and dropped so that
 * the real one starts with its classes loaded ({@code Sandbox.warmUp}). {@code awstutor shell}
 * gets the lessons through {@link Main}'s picocli factory.
 *
 * <p>A command that does not use them loses nothing but that core's time; a shell given
 * {@code --lessons DIR} parses that folder itself.
 */
final class StartAhead {
    static final StartAhead NONE = new StartAhead(null);

    private final CompletableFuture<LessonCatalog> bundledLessons;

    private StartAhead(CompletableFuture<LessonCatalog> bundledLessons) {
        this.bundledLessons = bundledLessons;
    }

    /**
     * Starts the work for a command that runs a sandbox (see {@link #startsASandbox}), the
     * lessons first for the shell; otherwise none.
     */
    static StartAhead begin(String[] args) {
        if (!startsASandbox(args)) {
            return NONE;
        }
        CompletableFuture<LessonCatalog> lessons = opensTheShell(args) ? new CompletableFuture<>() : null;
        Thread ahead = new Thread(() -> {
            if (lessons != null) {
                try {
                    lessons.complete(LessonCatalog.bundled());
                } catch (Throwable e) {
                    lessons.completeExceptionally(e);
                }
            }
            io.awstutor.sandbox.Sandbox.warmUp();
            io.awstutor.jshell.Milestones.reached("sandbox-warmed");
        }, "awstutor-start-ahead");
        ahead.setDaemon(true);
        ahead.start();
        return new StartAhead(lessons);
    }

    /** The bundled lessons, parsed ahead when this run began that; else parsed now, on the caller's thread. */
    LessonCatalog bundledLessons() {
        if (bundledLessons == null) {
            return LessonCatalog.bundled();
        }
        try {
            return bundledLessons.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** The shell (no subcommand: its options only), `shell`, `sandbox`, `verify` and `workshop` start a sandbox. */
    static boolean startsASandbox(String[] args) {
        if (opensTheShell(args)) {
            return args.length == 0 || !java.util.List.of("-h", "--help", "-V", "--version").contains(args[0]);
        }
        return java.util.Set.of("sandbox", "verify", "workshop").contains(args[0]);
    }

    private static boolean opensTheShell(String[] args) {
        return args.length == 0 || args[0].startsWith("-") || args[0].equals("shell");
    }
}
