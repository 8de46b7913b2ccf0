package io.awstutor.shell;

import io.awstutor.cost.BillableOperations;
import io.awstutor.jshell.SnippetOutcome;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.lesson.TextWrap;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.List;
import java.util.Locale;

/** Shows what became of a snippet: its value, or one clear line on what went wrong. */
final class OutcomePrinter {
    private final ShellIO io;
    private final SecretMask secrets;

    OutcomePrinter(ShellIO io, SecretMask secrets) {
        this.io = io;
        this.secrets = secrets;
    }

    private void line(AttributedStyle style, String text) {
        for (String piece : wrap(secrets.mask(text), io.width())) {
            io.print(new AttributedStringBuilder().styled(io.color() ? style : AttributedStyle.DEFAULT, piece).toAttributedString());
        }
    }

    /** Word-wraps a message; lines of code (with a caret under them) keep their shape. */
    static java.util.List<String> wrap(String text, int columns) {
        int width = Math.max(columns, 20);
        java.util.List<String> lines = new java.util.ArrayList<>();
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            String paragraph = paragraphs[p];
            if (paragraph.startsWith("    ") && TextWrap.columns(paragraph) > width && p + 1 < paragraphs.length
                    && CARET.matcher(paragraphs[p + 1]).matches()) {
                lines.addAll(window(paragraph, paragraphs[p + 1].indexOf('^'), width));
                p++;
                continue;
            }
            if (TextWrap.columns(paragraph) <= width) {
                lines.add(paragraph);
                continue;
            }
            // a code line continues under itself, further in; a message's next lines by two
            String lead = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            String continuation = paragraph.startsWith("    ") ? lead + "    " : "  ";
            if (continuation.length() > width / 2) {
                continuation = "  ";
            }
            List<String> pieces = TextWrap.wrap(paragraph, width, width - continuation.length());
            for (int i = 0; i < pieces.size(); i++) {
                lines.add(i == 0 ? pieces.get(i) : continuation + pieces.get(i));
            }
        }
        return lines;
    }

    private static final java.util.regex.Pattern CARET = java.util.regex.Pattern.compile(" *\\^");

    /**
     * A line of code too wide for the terminal, with its caret: the part around the caret,
     * cut with an ellipsis, so the caret still points at the character javac means (a
     * terminal's own wrapping would put it under the wrong one).
     */
    static java.util.List<String> window(String code, int caret, int width) {
        int indent = 4;
        String source = code.substring(indent);
        int at = Math.max(0, Math.min(caret - indent, source.length()));
        int room = width - indent - 1; // a caret just past the last character still fits
        int from = Math.max(0, Math.min(at - room / 2, source.length() - room));
        int to = Math.min(source.length(), from + room);
        StringBuilder shown = new StringBuilder(source.substring(from, to));
        if (from > 0) {
            shown.setCharAt(0, '…');
        }
        if (to < source.length()) {
            shown.setCharAt(shown.length() - 1, '…');
        }
        return java.util.List.of(" ".repeat(indent) + shown, " ".repeat(indent + at - from) + "^");
    }

    void print(SnippetOutcome outcome, List<CallRecord> calls) {
        AttributedStyle error = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        if (outcome instanceof SnippetOutcome.Value value) {
            io.out().println(ValueFormatter.withName(value.name(), secrets.mask(value.value()), io.width()));
        } else if (outcome instanceof SnippetOutcome.Declared declared) {
            line(AttributedStyle.DEFAULT.faint(), "|  " + declared.description());
        } else if (outcome instanceof SnippetOutcome.CompileError compile) {
            line(error, "Error: " + compile.message());
        } else if (outcome instanceof SnippetOutcome.Failed failed) {
            line(error, describeFailure(failed, calls));
        } else if (outcome instanceof SnippetOutcome.Interrupted) {
            if (io.interactive()) {
                io.out().print("\r"); // over the terminal's own "^C", not after it
            }
            line(error, "Stopped (Ctrl-C).");
        } else if (outcome instanceof SnippetOutcome.SessionRestarted restarted) {
            line(error, "The Java session ended: " + restarted.reason()
                    + ". A fresh one has started; your variables are gone, the clients (sts, iam, s3, ...) are ready again.");
        }
    }

    /** How AWS writes the service's name: acronyms in capitals (IAM, EC2, S3, SES), CloudFront and Secrets Manager as words. */
    static String displayName(String service) {
        return BillableOperations.displayName(service);
    }

    /** An AWS error by its service, code, status and message (from the call log); others by class and message. */
    static String describeFailure(SnippetOutcome.Failed failed, List<CallRecord> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            CallRecord call = calls.get(i);
            if (!call.ok()) {
                if (call.errorCode() != null) {
                    return displayName(call.service()) + " refused " + call.operation() + ": " + call.errorCode()
                            + " (HTTP " + call.status() + ") — " + call.errorMessage() + "   (/trace for details)";
                }
                return call.service() + " " + call.operation() + " failed before AWS answered: " + call.errorMessage();
            }
        }
        String simpleName = failed.exceptionClass() == null ? "Exception"
                : failed.exceptionClass().substring(failed.exceptionClass().lastIndexOf('.') + 1);
        // a helpful NullPointerException names the learner's variable by JShell's hidden wrapper: "REPL.$JShell$66.s" is null
        String message = failed.message() == null ? null : failed.message().replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", "");
        return simpleName + (message == null ? "" : ": " + message) + "   (/trace for the stack trace)";
    }
}
