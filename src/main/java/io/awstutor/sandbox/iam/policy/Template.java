package io.awstutor.sandbox.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Policy text that may hold policy variables ({@code ${aws:username}}, {@code ${key, 'default'}})
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} (a literal star, question mark and dollar).
 * Text without variables is compiled once; text with variables is resolved per request into
 * wildcard tokens, still without any regex. Version 2008-10-17 documents have no variables: their
 * {@code ${...}} is plain text ("IAM policy elements: Variables and tags").
 */
final class Template {

    private sealed interface Part permits Text, Variable {}

    /** Policy text: its stars and question marks are wildcards. */
    private record Text(int[] tokens) implements Part {}

    private record Variable(String key, String defaultValue) implements Part {}

    private final String source;
    private final List<Part> parts;
    private final int[] constantTokens;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        this.constantTokens = parts.stream().allMatch(p -> p instanceof Text) ? concat(parts) : null;
    }

    static Template parse(String text, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        if (!variablesEnabled || !text.contains("${")) {
            parts.add(new Text(Glob.tokensOf(text)));
            return new Template(text, parts);
        }
        StringBuilder plain = new StringBuilder();
        List<Integer> literalTokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                plain.append(text, i, text.length());
                break;
            }
            plain.append(text, i, open);
            String inner = text.substring(open + 2, close).trim();
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                flushText(plain, literalTokens);
                literalTokens.add((int) inner.charAt(0));
            } else {
                flushText(plain, literalTokens);
                flushLiteral(literalTokens, parts);
                parts.add(variable(inner));
            }
            i = close + 1;
        }
        flushText(plain, literalTokens);
        flushLiteral(literalTokens, parts);
        return new Template(text, parts);
    }

    private static void flushText(StringBuilder plain, List<Integer> tokens) {
        for (int t : Glob.tokensOf(plain.toString())) tokens.add(t);
        plain.setLength(0);
    }

    private static void flushLiteral(List<Integer> tokens, List<Part> parts) {
        if (tokens.isEmpty()) return;
        parts.add(new Text(tokens.stream().mapToInt(Integer::intValue).toArray()));
        tokens.clear();
    }

    private static Variable variable(String inner) {
        int comma = inner.indexOf(',');
        if (comma < 0) return new Variable(inner, null);
        String key = inner.substring(0, comma).trim();
        String def = inner.substring(comma + 1).trim();
        if (def.length() < 2 || !def.startsWith("'") || !def.endsWith("'")) {
            return new Variable(key, null); // a malformed default: the variable cannot be resolved
        }
        // inside the quotes, '' stands for one quote ("Specifying default values")
        return new Variable(key, def.substring(1, def.length() - 1).replace("''", "'"));
    }

    private static int[] concat(List<Part> parts) {
        int n = 0;
        for (Part p : parts) n += ((Text) p).tokens().length;
        int[] out = new int[n];
        int at = 0;
        for (Part p : parts) {
            int[] t = ((Text) p).tokens();
            System.arraycopy(t, 0, out, at, t.length);
            at += t.length;
        }
        return out;
    }

    boolean isConstant() { return constantTokens != null; }

    String source() { return source; }

    /** The tokens when the template holds no variable. */
    int[] constantTokens() { return constantTokens; }

    /**
     * Substitutes the variables. A variable's value is literal text (its stars are not wildcards).
     * Returns null when a variable has no value and no default: that element then matches nothing.
     */
    int[] resolve(Function<String, String> variables) {
        if (constantTokens != null) return constantTokens;
        int[][] pieces = new int[parts.size()][];
        int n = 0;
        for (int i = 0; i < pieces.length; i++) {
            Part p = parts.get(i);
            if (p instanceof Text t) {
                pieces[i] = t.tokens();
            } else {
                Variable v = (Variable) p;
                String value = variables.apply(v.key());
                if (value == null) value = v.defaultValue();
                if (value == null) return null;
                int[] lit = new int[value.length()];
                for (int k = 0; k < lit.length; k++) lit[k] = value.charAt(k);
                pieces[i] = lit;
            }
            n += pieces[i].length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] piece : pieces) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        return out;
    }

    /** Resolved text for exact comparisons; null when a variable is undefined. */
    String resolveText(Function<String, String> variables) {
        int[] tokens = resolve(variables);
        if (tokens == null) return null;
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) b.append(t == Glob.STAR ? '*' : t == Glob.ANY_ONE ? '?' : (char) t);
        return b.toString();
    }

    @Override
    public String toString() { return source; }
}
