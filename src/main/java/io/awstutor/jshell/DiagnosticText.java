package io.awstutor.jshell;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the learner reads about a snippet: javac's first error with a caret, a declaration, an exception's trace. */
final class DiagnosticText {
    private DiagnosticText() {
    }

    /** @param created whether the name was new (else it replaced an earlier declaration) */
    static String declaration(Snippet sn, boolean created) {
        String verb = created ? "created" : "replaced";
        return switch (sn.kind()) {
            case METHOD -> verb + " method " + ((jdk.jshell.MethodSnippet) sn).name() + ((jdk.jshell.MethodSnippet) sn).signature();
            case TYPE_DECL -> verb + " " + sn.subKind().name().toLowerCase(Locale.ROOT).replace("_subkind", "").replace('_', ' ')
                    + " " + ((jdk.jshell.TypeDeclSnippet) sn).name();
            case IMPORT -> "imported " + ((jdk.jshell.ImportSnippet) sn).fullname();
            default -> verb;
        };
    }

    /** javac's own message of the snippet's first error, full type names kept; empty when there is none. */
    static String javacMessage(JShell shell, Snippet sn) {
        return shell.diagnostics(sn).filter(Diag::isError).findFirst().map(d -> d.getMessage(Locale.ENGLISH)).orElse("");
    }

    static String compileError(JShell shell, Snippet sn) {
        Optional<Diag> first = shell.diagnostics(sn).filter(Diag::isError).findFirst();
        if (first.isEmpty()) {
            return "This is not valid Java here.";
        }
        Diag diag = first.get();
        String source = sn.source();
        int pos = (int) Math.max(0, Math.min(source.length(), diag.getPosition() < 0 ? 0 : diag.getPosition()));
        int lineStart = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        int lineEnd = source.indexOf('\n', pos);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        String raw = diag.getMessage(Locale.ENGLISH).replace("\r", "");
        // javac's "location: class" names JShell's hidden wrapper class, which says nothing
        // (jshell leaves it out too); a named class is shortened as signatures are
        String message = raw.lines().filter(l -> !l.strip().equals("location: class"))
                .map(l -> l.strip().startsWith("location:") ? readable(l) : shortTypes(l))
                .map(l -> l.strip().startsWith("symbol:") ? l.replaceFirst("(method \\w+)\\(.+\\)$", "$1(…)") : l)
                .collect(Collectors.joining("\n"));
        String suggestion = DidYouMean.forMessage(raw, shell.variables().filter(v -> shell.status(v).isActive()).map(VarSnippet::name).toList(),
                JShellEngine.class.getClassLoader()).map(s -> "\n" + s).orElse("");
        return message + "\n    " + line + "\n    " + " ".repeat(Math.max(0, pos - lineStart)) + "^" + suggestion;
    }

    /**
     * A message line with simple type names: javac names the SDK's types in full
     * ({@code software.amazon.awssdk.services.s3.model.CreateBucketRequest.Builder}), which
     * buries the point and breaks across lines at 80 columns.
     */
    private static String shortTypes(String line) {
        return line.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    /** A signature as a learner reads it: simple type names, no throws clause. */
    static String readable(String signature) {
        String withoutThrows = signature.replaceFirst("\\s+throws\\s+.*$", "");
        return withoutThrows.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    /** An exception's full trace, causes included, as /trace shows it. */
    static String trace(EvalException e) {
        StringBuilder sb = new StringBuilder(e.getExceptionClassName()).append(": ").append(e.getMessage()).append('\n');
        for (StackTraceElement element : e.getStackTrace()) {
            sb.append("    at ").append(element).append('\n');
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            String name = cause instanceof EvalException ee ? ee.getExceptionClassName() : cause.getClass().getName();
            sb.append("Caused by: ").append(name).append(": ").append(cause.getMessage()).append('\n');
            for (StackTraceElement element : cause.getStackTrace()) {
                sb.append("    at ").append(element).append('\n');
            }
            cause = cause.getCause();
        }
        return sb.toString();
    }
}
