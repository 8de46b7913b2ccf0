package io.awstutor.jshell;

import jdk.jshell.SourceCodeAnalysis;

import java.util.List;

/** Completion candidates at the cursor: JShell's own analysis, plus the SDK's builder lambdas ({@link BuilderLambda}). */
final class Completions {
    /** What a builder inherits from Object and the SDK's plumbing: never what a learner looks for. */
    private static final List<String> BUILDER_NOISE = List.of("build(", "build()", "applyMutation(", "equals(", "hashCode()",
            "getClass()", "notify()", "notifyAll()", "wait(", "wait()", "toString()", "copy(", "copy()", "sdkFields()",
            "equalsBySdkFields(", "sdkFieldNameToField()");

    private Completions() {
    }

    /** JShell's completion on the session (defining the clients the buffer names first), under its lock. */
    interface Analysis {
        List<SourceCodeAnalysis.Suggestion> suggest(String buffer, int cursor, int[] anchor);
    }

    static List<String> at(String buffer, int cursor, Analysis analysis) {
        List<String> direct = suggestions(buffer, cursor, analysis);
        if (!direct.isEmpty()) {
            return direct;
        }
        String beforeCursor = buffer.substring(0, cursor);
        return BuilderLambda.before(beforeCursor).map(lambda -> {
            String probe = lambda.probe();
            String head = beforeCursor.substring(0, beforeCursor.length() - lambda.partial().length());
            int prefixLength = probe.length() - lambda.partial().length();
            return suggestions(probe, probe.length(), analysis).stream()
                    .filter(s -> s.length() >= prefixLength)
                    .map(s -> head + s.substring(prefixLength))
                    .filter(s -> BUILDER_NOISE.stream().noneMatch(s::endsWith))
                    .toList();
        }).orElse(List.of());
    }

    private static List<String> suggestions(String buffer, int cursor, Analysis analysis) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.suggest(buffer, cursor, anchor);
        String prefix = buffer.substring(0, anchor[0]);
        List<SourceCodeAnalysis.Suggestion> typed = suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).toList();
        return (typed.isEmpty() ? suggestions : typed).stream().map(s -> prefix + s.continuation()).distinct().toList();
    }
}
