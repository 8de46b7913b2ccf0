package io.awstutor.shell;

import io.awstutor.jshell.SnippetOutcome;

import java.util.List;

/** The one-line text of a snippet's problem, or null when it ran; shared by the shell and verify. */
public final class OutcomeText {
    private OutcomeText() {
    }

    public static String problem(SnippetOutcome outcome, List<io.awstutor.jshell.agent.CallRecord> calls) {
        if (outcome instanceof SnippetOutcome.CompileError compile) {
            return compile.message();
        }
        if (outcome instanceof SnippetOutcome.Failed failed) {
            return OutcomePrinter.describeFailure(failed, calls);
        }
        if (outcome instanceof SnippetOutcome.Interrupted) {
            return "interrupted";
        }
        if (outcome instanceof SnippetOutcome.SessionRestarted restarted) {
            return restarted.reason();
        }
        return null;
    }
}
