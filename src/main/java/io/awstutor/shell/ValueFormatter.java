package io.awstutor.shell;

import io.awstutor.lesson.TextWrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a printed value readably. SDK objects print as
 * {@code GetUserResponse(User=User(Path=/, UserName=alice, ...))}; a value that fits the
 * width stays on one line, a longer one is broken at its top-level commas and nested
 * parentheses and brackets, indented by depth.
 */
public final class ValueFormatter {
    private ValueFormatter() {
    }

    private static final java.util.regex.Pattern SDK_CLIENT =
            java.util.regex.Pattern.compile("software\\.amazon\\.awssdk\\.services\\.[a-z0-9]+\\.Default(\\w+Client)@[0-9a-f]+");

    /**
     * An SDK client prints as {@code DefaultS3Client@41a374be}, which tells a learner nothing:
     * say what it is and how to ask it where it points instead.
     */
    static java.util.Optional<String> describeClient(String name, String value, int width) {
        java.util.regex.Matcher m = value == null ? null : SDK_CLIENT.matcher(value);
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        String what = m.group(1) + ", an SDK client";
        String how = " (its region: " + name + ".serviceClientConfiguration().region())";
        return java.util.Optional.of(what.length() + how.length() <= width ? what + how : what);
    }

    private static final java.util.regex.Pattern SDK_BUILDER =
            java.util.regex.Pattern.compile("software\\.amazon\\.awssdk\\.services\\.[a-z0-9]+\\.model\\.(\\w+)\\$BuilderImpl@[0-9a-f]+");

    /** A request's builder prints as {@code CreateBucketRequest$BuilderImpl@5c20aab9}: say that it is not the request yet. */
    static java.util.Optional<String> describeBuilder(String value) {
        java.util.regex.Matcher m = value == null ? null : SDK_BUILDER.matcher(value);
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("a " + m.group(1) + ".Builder, not built yet (.build() makes the " + m.group(1) + ")");
    }

    /**
     * The feedback {@code name ==> value}. A value that is one token (an object's
     * {@code Class@hash}, a URL, an ARN) too long for the rest of the line, but not for a line
     * of its own, starts on the next line instead of being cut in two.
     */
    static String withName(String name, String value, int width) {
        String prefix = name + " ==> ";
        java.util.Optional<String> client = describeClient(name, value, width - prefix.length()).or(() -> describeBuilder(value));
        if (client.isPresent()) {
            return prefix + client.get();
        }
        if (value != null && value.indexOf(' ') < 0 && value.indexOf('\n') < 0
                && TextWrap.columns(prefix + value) > width && TextWrap.columns(value) <= width - 2) {
            return prefix.stripTrailing() + "\n  " + value;
        }
        return prefix + format(value, width - prefix.length());
    }

    public static String format(String value, int width) {
        if (value == null) {
            return "null";
        }
        if (TextWrap.columns(value) <= width) {
            return value;
        }
        // A value that lays itself out on several lines (a query's table) keeps its lines, each fitted to the width.
        if (value.indexOf('\n') >= 0) {
            return fit(value, width);
        }
        if (value.startsWith("\"")) {
            return fit(value, width);
        }
        StringBuilder out = new StringBuilder();
        layout(value.trim(), 0, width, 0, out);
        return fit(out.toString(), width);
    }

    /**
     * Every line within the width: a part with no structure left to break at (a sentence, a
     * quoted string) wraps at its spaces under itself, and only a token longer than the line
     * (a URL, an encoded policy) is cut.
     */
    private static String fit(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (TextWrap.columns(line) <= width) {
                lines.add(line);
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
            if (indent.length() > width / 2) {
                indent = "  ";
            }
            List<String> pieces = TextWrap.wrap(line, width, width - indent.length());
            for (int i = 0; i < pieces.size(); i++) {
                lines.add(i == 0 ? pieces.get(i) : indent + pieces.get(i));
            }
        }
        return String.join("\n", lines);
    }

    /** {@code trailing}: the columns that follow the text on its last line (a comma). */
    private static void layout(String text, int depth, int width, int trailing, StringBuilder out) {
        String indent = "  ".repeat(depth);
        if (TextWrap.columns(text) + indent.length() + trailing <= width) {
            out.append(text);
            return;
        }
        int open = firstOpen(text);
        if (open < 0 || !closesAtEnd(text, open)) {
            out.append(text);
            return;
        }
        out.append(text, 0, open + 1).append('\n');
        List<String> parts = splitTopLevel(text.substring(open + 1, text.length() - 1));
        for (int i = 0; i < parts.size(); i++) {
            out.append(indent).append("  ");
            layout(parts.get(i).trim(), depth + 1, width, i < parts.size() - 1 ? 1 : 0, out);
            out.append(i < parts.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append(text.charAt(text.length() - 1));
    }

    /** The first bracket that opens a structure ({@code User(}, {@code =[}), not one in prose ("initiated ("). */
    private static int firstOpen(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '(' || c == '[' || c == '{') && (i == 0 || text.charAt(i - 1) != ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean closesAtEnd(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i == text.length() - 1;
                }
            }
        }
        return false;
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0 && i + 1 < inner.length() && inner.charAt(i + 1) == ' ') {
                parts.add(inner.substring(start, i));
                start = i + 2;
            }
        }
        if (start < inner.length()) {
            parts.add(inner.substring(start));
        }
        return parts;
    }
}
