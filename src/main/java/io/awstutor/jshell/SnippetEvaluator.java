package io.awstutor.jshell;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates the learner's source snippet by snippet and says what became of each; a stop
 * (Ctrl-C) or the session's JVM ending cuts the rest short. The caller holds the session's lock.
 */
final class SnippetEvaluator {
    private volatile boolean stopRequested;
    private volatile EvalException lastException;

    /** Ctrl-C was pressed: the running snippet reports Interrupted rather than its exception. */
    void stopRequested() {
        stopRequested = true;
    }

    Optional<EvalException> lastException() {
        return Optional.ofNullable(lastException);
    }

    /**
     * @param definitions the session's deferred definitions: all made before a snippet that did not compile is tried again
     * @param restart     starts a fresh session, saying why, and returns what the learner is told
     */
    List<SnippetOutcome> evaluate(LiveSession session, ClientDefinitions definitions, String source,
                                  Function<String, SnippetOutcome> restart) {
        JShell shell = session.jshell;
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
            SnippetOutcome outcome = evaluateOne(session, definitions, snippet, restart);
            outcomes.add(outcome);
            if (outcome instanceof SnippetOutcome.SessionRestarted || outcome instanceof SnippetOutcome.Interrupted) {
                break;
            }
            if (session.ended()) {
                outcomes.set(outcomes.size() - 1, restart.apply("the snippet ended the Java process"));
                break;
            }
        }
        return outcomes;
    }

    private SnippetOutcome evaluateOne(LiveSession session, ClientDefinitions definitions, String snippet,
                                       Function<String, SnippetOutcome> restart) {
        JShell shell = session.jshell;
        List<SnippetEvent> events;
        boolean created;
        try {
            events = shell.eval(snippet);
            created = events.stream().anyMatch(e -> e.causeSnippet() == null && e.previousStatus() == Snippet.Status.NONEXISTENT);
            if (unresolved(events) && !definitions.allDefined()) {
                // a name from an import or a client not defined yet (List, CreateBucketRequest): nothing ran, try again with all
                definitions.defineAll();
                events = shell.eval(snippet);
            }
        } catch (IllegalStateException closed) {
            return restart.apply("the Java process had ended");
        }
        if (session.ended()) {
            return restart.apply("the snippet ended the Java process (System.exit or a crash)");
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
                return new SnippetOutcome.CompileError(DiagnosticText.compileError(shell, sn), DiagnosticText.javacMessage(shell, sn));
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
                result = new SnippetOutcome.Declared(DiagnosticText.declaration(sn, created));
            }
        }
        return result;
    }

    /** Whether javac refused the snippet, or declared it only until something it names exists. */
    private static boolean unresolved(List<SnippetEvent> events) {
        return events.stream().filter(e -> e.causeSnippet() == null).anyMatch(e -> e.status() == Snippet.Status.REJECTED
                || e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED);
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
}
