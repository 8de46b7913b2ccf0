package io.awstutor.shell;

/**
 * The one rule besides Java's own completeness by which the shell cuts lines into snippets,
 * for a script on standard input and for {@code /open} alike: pasted code breaks a call chain
 * before its dots ({@code var c = S3Client.builder()}, then {@code .region(...)}), so a line
 * that starts with a dot continues the snippet before it even when that one was complete.
 */
final class ChainContinuation {
    private ChainContinuation() {
    }

    /** Whether {@code nextLine} (null at the end of the input) continues the snippet before it. */
    static boolean continues(String nextLine) {
        return nextLine != null && nextLine.stripLeading().startsWith(".");
    }
}
