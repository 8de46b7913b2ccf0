package io.awstutor.shell;

import io.awstutor.jshell.SnippetOutcome;
import io.awstutor.jshell.agent.CallRecord;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.List;
import java.util.Locale;

/** Shows what became of a snippet: its value, or one clear line on what went wrong. */
final class OutcomePrinter {
    private final ShellIO io;

    OutcomePrinter(ShellIO io) {
        this.io = io;
    }

    private void line(AttributedStyle style, String text) {
        for (String piece : wrap(text, io.width())) {
            io.print(new AttributedStringBuilder().styled(io.color() ? style : AttributedStyle.DEFAULT, piece).toAttributedString());
        }
    }

    /** Word-wraps a message; lines of code (with a caret under them) keep their shape. */
    static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.startsWith("    ") || paragraph.length() <= width) {
                lines.add(paragraph);
                continue;
            }
            String rest = paragraph;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = width;
                }
                lines.add(rest.substring(0, cut));
                rest = "  " + rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    void print(SnippetOutcome outcome, List<CallRecord> calls) {
        AttributedStyle error = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        if (outcome instanceof SnippetOutcome.Value value) {
            String prefix = value.name() + " ==> ";
            String formatted = ValueFormatter.format(value.value(), io.width() - prefix.length());
            io.out().println(prefix + formatted);
        } else if (outcome instanceof SnippetOutcome.Declared declared) {
            line(AttributedStyle.DEFAULT.faint(), "|  " + declared.description());
        } else if (outcome instanceof SnippetOutcome.CompileError compile) {
            line(error, "Error: " + compile.message());
        } else if (outcome instanceof SnippetOutcome.Failed failed) {
            line(error, describeFailure(failed, calls));
        } else if (outcome instanceof SnippetOutcome.Interrupted) {
            line(error, "Stopped (Ctrl-C).");
        } else if (outcome instanceof SnippetOutcome.SessionRestarted restarted) {
            line(error, "The Java session ended: " + restarted.reason()
                    + ". A fresh one has started; your variables are gone, the clients (sts, iam, s3, ...) are ready again.");
        }
    }

    /** How AWS writes the service's name: acronyms in capitals (IAM, EC2, S3, SES), CloudFront as a word. */
    static String displayName(String service) {
        return service.equalsIgnoreCase("cloudfront") ? "CloudFront" : service.toUpperCase(Locale.ROOT);
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
        return simpleName + (failed.message() == null ? "" : ": " + failed.message()) + "   (/trace for the stack trace)";
    }
}
