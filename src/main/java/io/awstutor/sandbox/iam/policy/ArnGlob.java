package io.awstutor.sandbox.iam.policy;

import java.util.Arrays;

/**
 * An ARN pattern matched segment by segment, as IAM matches Resource and the Arn* condition
 * operators ("IAM JSON policy elements: Condition operators", ARN condition operators): each of
 * the colon-delimited components {@code arn:partition:service:region:account:resource} is
 * checked separately, with {@code *} and {@code ?} inside a component. The resource component
 * is everything after the fifth colon, colons and slashes included. Case-sensitive.
 */
final class ArnGlob {
    static final int SEGMENTS = 6;

    private final Glob whole;
    private final Glob[] segments;

    private ArnGlob(Glob whole, Glob[] segments) {
        this.whole = whole;
        this.segments = segments;
    }

    static ArnGlob of(String pattern) {
        return ofTokens(Glob.tokensOf(pattern));
    }

    static ArnGlob ofTokens(int[] tokens) {
        Glob whole = Glob.ofTokens(tokens, false);
        if (whole.matchesAll()) return new ArnGlob(whole, null);
        int[] cuts = new int[SEGMENTS - 1];
        int found = 0;
        for (int i = 0; i < tokens.length && found < cuts.length; i++) {
            if (tokens[i] == ':') cuts[found++] = i;
        }
        Glob[] segs = new Glob[found + 1];
        int start = 0;
        for (int k = 0; k < found; k++) {
            segs[k] = Glob.ofTokens(Arrays.copyOfRange(tokens, start, cuts[k]), false);
            start = cuts[k] + 1;
        }
        segs[found] = Glob.ofTokens(Arrays.copyOfRange(tokens, start, tokens.length), false);
        return new ArnGlob(whole, segs);
    }

    boolean matches(String arn) {
        return matches(Arn.split(arn));
    }

    boolean matches(Arn arn) {
        if (segments == null) return true;
        int n = arn.segmentCount();
        if (n < segments.length) {
            // not an ARN of as many parts (e.g. "*"): compare the texts as a whole
            return n == 1 && segments.length == 1 && whole.matches(arn.text());
        }
        int last = segments.length - 1;
        for (int k = 0; k < last; k++) {
            if (!segments[k].matches(arn.text(), arn.start(k), arn.end(k))) return false;
        }
        // a shorter pattern's last component takes the rest of the ARN ("arn:aws:*")
        return segments[last].matches(arn.text(), arn.start(last), arn.text().length());
    }

    @Override
    public String toString() { return whole.toString(); }

    /** An ARN cut at its first five colons, without copying. */
    record Arn(String text, int[] bounds) {
        static Arn split(String text) {
            int[] b = new int[SEGMENTS + 1];
            int count = 0;
            b[0] = -1;
            for (int i = 0; i < text.length() && count < SEGMENTS - 1; i++) {
                if (text.charAt(i) == ':') b[++count] = i;
            }
            b[++count] = text.length();
            return new Arn(text, Arrays.copyOf(b, count + 1));
        }

        int segmentCount() { return bounds.length - 1; }
        int start(int k) { return bounds[k] + 1; }
        int end(int k) { return bounds[k + 1]; }

        /** The account component, or "" when there is none (S3 ARNs). */
        String account() {
            return segmentCount() >= 5 ? text.substring(start(4), end(4)) : "";
        }
    }
}
