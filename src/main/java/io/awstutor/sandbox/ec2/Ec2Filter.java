package io.awstutor.sandbox.ec2;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code Filter.N} of a Describe call: a name and values, any of which may match. Values
 * may use EC2's wildcards ({@code *} any run, {@code ?} one character).
 */
public record Ec2Filter(String name, List<String> values) {

    public boolean matchesAny(Collection<String> actual) {
        for (String wanted : values) {
            boolean wildcard = wanted.indexOf('*') >= 0 || wanted.indexOf('?') >= 0;
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
