package io.awstutor.jshell;

import jdk.jshell.JShell;

import java.util.List;

/** Signatures (and any Javadoc JShell has) of the method or type under the cursor. */
final class Documentation {
    private Documentation() {
    }

    /** The caller holds the session's lock. */
    static List<String> at(JShell shell, String buffer, int cursor) {
        List<String> docs = lookUp(shell, buffer, cursor);
        if (docs.isEmpty()) {
            // inside "b -> b.bucket" javac cannot type b (see BuilderLambda): ask the request's builder
            var lambda = BuilderLambda.before(buffer.substring(0, Math.min(cursor, buffer.length())));
            if (lambda.isPresent() && !lambda.get().partial().isEmpty()) {
                String probe = lambda.get().probe() + "(";
                docs = lookUp(shell, probe, probe.length());
            }
        }
        return docs;
    }

    private static List<String> lookUp(JShell shell, String buffer, int cursor) {
        return shell.sourceCodeAnalysis().documentation(buffer, cursor, true).stream()
                .map(d -> DiagnosticText.readable(d.signature()) + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n" + d.javadoc()))
                .distinct().toList();
    }
}
