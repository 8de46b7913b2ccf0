package io.awstutor.shell;

import java.util.List;
import java.util.function.Function;

/** A shell command: its name (without the slash), how its arguments read, one line of help. */
record SlashCommand(String name, String usage, String help, Handler handler, Function<Integer, List<String>> argumentCandidates) {

    @FunctionalInterface
    interface Handler {
        /** Returns false to end the session. */
        boolean run(String arguments);
    }

    SlashCommand(String name, String usage, String help, Handler handler) {
        this(name, usage, help, handler, index -> List.of());
    }
}
