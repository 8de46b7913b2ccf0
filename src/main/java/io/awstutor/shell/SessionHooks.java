package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;

import java.util.List;

/** What the target and cost side adds to the shell's loop, without the loop knowing it. */
public interface SessionHooks {
    SessionHooks NONE = new SessionHooks() {
    };

    /** Once, when the first step is on the screen: work that should not delay it starts now. */
    default void firstStepShown() {
    }

    /** After each snippet, with the calls it made (the ledger follows them). */
    default void afterCalls(List<CallRecord> calls) {
    }

    /** Shown before the lesson part of the prompt: which target is live. */
    default String promptTag(boolean color) {
        return "";
    }

    /** Lines to show before the next prompt (a workshop's broadcast from the instructor). */
    default List<String> notices() {
        return List.of();
    }

    /** Before the session ends (the warning about billable resources still running). */
    default void beforeQuit() {
    }

    /** Both, {@code first}'s part first (the target desk and a workshop). */
    static SessionHooks both(SessionHooks first, SessionHooks second) {
        return new SessionHooks() {
            @Override
            public void firstStepShown() {
                first.firstStepShown();
                second.firstStepShown();
            }

            @Override
            public void afterCalls(List<CallRecord> calls) {
                first.afterCalls(calls);
                second.afterCalls(calls);
            }

            @Override
            public String promptTag(boolean color) {
                return first.promptTag(color) + second.promptTag(color);
            }

            @Override
            public List<String> notices() {
                List<String> all = new java.util.ArrayList<>(first.notices());
                all.addAll(second.notices());
                return all;
            }

            @Override
            public void beforeQuit() {
                first.beforeQuit();
                second.beforeQuit();
            }
        };
    }
}
