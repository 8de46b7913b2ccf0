package io.awstutor.jshell;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code s3.createBucket(b -> b.buc}: the SDK's client methods come in two overloads (a
 * request, or a consumer of the request's builder), so inside {@code b -> b.} javac cannot
 * tell b's type and JShell offers nothing. Every SDK operation's request class is its name
 * plus "Request", so completion and documentation ask {@code XRequest.builder().} instead.
 *
 * @param operation the client method ({@code createBucket})
 * @param partial   what is typed after {@code b.} ({@code buc})
 */
record BuilderLambda(String operation, String partial) {
    private static final Pattern PATTERN =
            Pattern.compile("(?s).*\\b(\\w+)\\(\\s*(\\w+)\\s*->\\s*(?:\\2\\.\\w+\\([^()]*\\)\\s*)*\\2\\.(\\w*)$");

    static Optional<BuilderLambda> before(String beforeCursor) {
        Matcher m = PATTERN.matcher(beforeCursor);
        return m.matches() ? Optional.of(new BuilderLambda(m.group(1), m.group(3))) : Optional.empty();
    }

    /** {@code CreateBucketRequest.builder().buc}: the same position on the request's builder. */
    String probe() {
        return Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + "Request.builder()." + partial;
    }
}
