package io.awstutor.sandbox.rdsdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Data API's named parameters ({@code WHERE id = :id}) as JDBC's positional ones: each
 * {@code :name} that names a given parameter becomes {@code ?}, outside string literals,
 * quoted identifiers and comments, and never PostgreSQL's {@code ::type} cast.
 */
record NamedParameters(String sql, List<String> order) {

    static NamedParameters of(String sql, Set<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> order = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && isStart(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < sql.length() && isPart(sql.charAt(j))) {
                    j++;
                }
                String name = sql.substring(i + 1, j);
                if (names.contains(name)) {
                    out.append('?');
                    order.add(name);
                } else {
                    out.append(sql, i, j);
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedParameters(out.toString(), List.copyOf(order));
    }

    /** Where a literal, quoted identifier or comment starting at {@code i} ends; {@code i} when none starts there. */
    private static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                if (sql.charAt(j) == '\\' && c == '\'') {
                    j++;
                }
                j++;
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int eol = sql.indexOf('\n', i);
            return eol < 0 ? sql.length() : eol;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return i;
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
