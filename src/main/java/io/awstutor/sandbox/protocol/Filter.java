package io.awstutor.sandbox.protocol;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One filter of a Describe call (EC2's {@code Filter.N}, RDS's {@code Filters.Filter.N}): a name
 * and values, any of which may match. Where the service allows them (EC2), values may use
 * wildcards ({@code *} any run, {@code ?} one character).
 */
public record Filter(String name, List<String> values) {

    /** EC2's reading: wildcards allowed. */
    public boolean matchesAny(Collection<String> actual) {
        return matchesAny(actual, true);
    }

    public boolean matchesAny(Collection<String> actual, boolean wildcards) {
        for (String wanted : values) {
            boolean wildcard = wildcards && (wanted.indexOf('*') >= 0 || wanted.indexOf('?') >= 0);
            Pattern pattern = wildcard ? glob(wanted) : null;
            for (String value : actual) {
                if (value == null) {
                    continue;
                }
                if (wildcard ? pattern.matcher(value).matches() : wanted.equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern glob(String wanted) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : wanted.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
