package io.awstutor.sandbox.iam.policy;

import java.util.Arrays;

/**
 * A pre-compiled IAM wildcard pattern: {@code *} matches any run of characters (including none),
 * {@code ?} exactly one. Matching walks the pattern once with the classic single-backtrack
 * algorithm, so evaluating a policy never compiles a regex.
 *
 * <p>A pattern is an array of tokens: a char value, or {@link #STAR} / {@link #ANY_ONE}. That lets a
 * literal {@code *} produced by the policy variable {@code ${*}} coexist with wildcard stars.
 */
final class Glob {
    static final int STAR = -1;
    static final int ANY_ONE = -2;

    private static final Glob MATCH_ALL = new Glob(new int[] {STAR}, false);

    private final int[] tokens;
    private final boolean ignoreCase;
    private final boolean matchAll;
    private final boolean literal;

    private Glob(int[] tokens, boolean ignoreCase) {
        this.tokens = tokens;
        this.ignoreCase = ignoreCase;
        boolean all = tokens.length > 0;
        boolean lit = true;
        for (int t : tokens) {
            if (t != STAR) all = false;
            if (t < 0) lit = false;
        }
        this.matchAll = all;
        this.literal = lit;
    }

    /** Compiles policy text where every {@code *} and {@code ?} is a wildcard. */
    static Glob of(String pattern, boolean ignoreCase) {
        return ofTokens(tokensOf(pattern), ignoreCase);
    }

    static Glob ofTokens(int[] tokens, boolean ignoreCase) {
        if (tokens.length == 1 && tokens[0] == STAR) return MATCH_ALL;
        if (ignoreCase) {
            int[] lowered = tokens.clone();
            for (int i = 0; i < lowered.length; i++) {
                if (lowered[i] >= 0) lowered[i] = Character.toLowerCase((char) lowered[i]);
            }
            return new Glob(lowered, true);
        }
        return new Glob(tokens, false);
    }

    static int[] tokensOf(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = c == '*' ? STAR : c == '?' ? ANY_ONE : c;
        }
        return out;
    }

    boolean matchesAll() { return matchAll; }

    boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Matches the region {@code s[from, to)}. */
    boolean matches(String s, int from, int to) {
        if (matchAll) return true;
        int n = to - from;
        int[] p = tokens;
        if (literal) {
            if (p.length != n) return false;
            for (int i = 0; i < n; i++) {
                if (!same(p[i], s.charAt(from + i))) return false;
            }
            return true;
        }
        int pi = 0, si = 0, starP = -1, starS = 0;
        while (si < n) {
            if (pi < p.length && p[pi] != STAR && (p[pi] == ANY_ONE || same(p[pi], s.charAt(from + si)))) {
                pi++;
                si++;
            } else if (pi < p.length && p[pi] == STAR) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == STAR) pi++;
        return pi == p.length;
    }

    private boolean same(int token, char c) {
        return token == c || (ignoreCase && token == Character.toLowerCase(c));
    }

    /** The pattern as policy text ({@code *}, {@code ?} for wildcards). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) b.append(t == STAR ? '*' : t == ANY_ONE ? '?' : (char) t);
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.ignoreCase == ignoreCase && Arrays.equals(g.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }
}
