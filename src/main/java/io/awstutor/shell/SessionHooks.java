package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;

import java.util.List;

/** What the target and cost side adds to the shell's loop, without the loop knowing it. */
public interface SessionHooks {
    SessionHooks NONE = new SessionHooks() {
    };

    /** After each snippet, with the calls it made (the ledger follows them). */
    default void afterCalls(List<CallRecord> calls) {
    }

    /** Shown before the lesson part of the prompt: which target is live. */
    default String promptTag(boolean color) {
        return "";
    }

    /** Before the session ends (the warning about billable resources still running). */
    default void beforeQuit() {
    }
}
