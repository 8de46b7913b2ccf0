package io.awstutor.jshell;

import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;

import java.util.List;

/** What the session holds, as jshell's /vars, /methods, /types, /imports and /list show it; the caller holds the lock. */
final class SessionListings {
    private SessionListings() {
    }

    static List<String> variables(JShell shell) {
        // as jshell's /vars: a variable that waits for something it names has no value to show
        return varSnippets(shell).stream().map(v -> v.typeName() + " " + v.name() + " = "
                + (shell.status(v) == jdk.jshell.Snippet.Status.VALID ? shell.varValue(v) : "(not-active)")).toList();
    }

    static List<VarSnippet> varSnippets(JShell shell) {
        return shell.variables().filter(v -> shell.status(v).isActive()).toList();
    }

    static List<String> methods(JShell shell) {
        return shell.methods().filter(m -> shell.status(m).isActive()).map(m -> m.name() + m.signature()).toList();
    }

    static List<String> types(JShell shell) {
        return shell.types().filter(t -> shell.status(t).isActive()).map(t -> t.name()).toList();
    }

    static List<String> imports(JShell shell) {
        return shell.imports().filter(i -> shell.status(i).isActive()).map(i -> "import " + i.fullname() + ";").toList();
    }

    /** The learner's own snippets, not the setup's. */
    static List<String> learnerSnippets(LiveSession session) {
        JShell shell = session.jshell;
        return shell.snippets().filter(s -> !session.isSetup(s) && shell.status(s).isActive())
                .map(s -> s.id() + ": " + s.source().strip()).toList();
    }
}
