package io.awstutor.jshell;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a learner most likely meant when javac cannot find a symbol: {@code client} for
 * {@code clients}, {@code uploadid()} for {@code uploadId()}. A near miss in spelling or case,
 * among the session's variables or the public methods of the type javac names. And a method
 * named without its parentheses ({@code me.account}, {@code sts.getCallerIdentity}), which
 * javac reports as a missing variable or a private field: the SDK's answers are read through
 * methods only.
 */
final class DidYouMean {
    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+(variable|method|class)\\s+(\\w+)");
    private static final Pattern LOCATION = Pattern.compile("location:\\s+(?:class|interface)\\s+([\\w.$]+)"
            + "|location:\\s+variable\\s+\\w+\\s+of\\s+type\\s+([\\w.$]+)");
    private static final Pattern PRIVATE_ACCESS = Pattern.compile("(\\w+) has private access in ([\\w.$]+)");
    /** A request's builder given where the request belongs: the SDK's {@code .build()} left out. */
    private static final Pattern UNBUILT = Pattern.compile("([\\w.$]+)\\.Builder\\s+cannot be converted to\\s+([\\w.$]+)");

    private DidYouMean() {
    }

    /** One "did you mean" line for a cannot-find-symbol message, or empty. */
    static Optional<String> forMessage(String message, Collection<String> variableNames, ClassLoader loader) {
        Matcher unbuilt = UNBUILT.matcher(message);
        if (unbuilt.find() && unbuilt.group(1).equals(unbuilt.group(2))) {
            String type = unbuilt.group(2).substring(unbuilt.group(2).lastIndexOf('.') + 1);
            return Optional.of("Did you forget .build()? A " + type + ".Builder only collects the settings;"
                    + " .build() at its end makes the " + type + ".");
        }
        Matcher privateField = PRIVATE_ACCESS.matcher(message);
        if (privateField.find()) {
            return methodNamed(privateField.group(1), privateField.group(2), loader);
        }
        if (!message.contains("cannot find symbol")) {
            return Optional.empty();
        }
        Matcher symbol = SYMBOL.matcher(message);
        if (!symbol.find()) {
            return Optional.empty();
        }
        String kind = symbol.group(1);
        String name = symbol.group(2);
        if (kind.equals("variable")) {
            Matcher member = LOCATION.matcher(message);
            if (member.find() && member.group(2) != null) {
                Optional<String> method = methodNamed(name, member.group(2), loader);
                if (method.isPresent()) {
                    return method;
                }
            }
            return closest(name, variableNames).map(n -> "Did you mean " + n + "?");
        }
        if (kind.equals("method")) {
            Matcher location = LOCATION.matcher(message);
            if (location.find()) {
                String type = location.group(1) != null ? location.group(1) : location.group(2);
                return methodsOf(type, loader).flatMap(methods -> closest(name, methods)).map(n -> "Did you mean " + n + "(...)?");
            }
        }
        return Optional.empty();
    }

    /** When {@code type} has a public method of this name: the call, with its parentheses. */
    private static Optional<String> methodNamed(String name, String type, ClassLoader loader) {
        try {
            boolean found = false;
            boolean noArguments = false;
            for (Method method : load(type, loader).getMethods()) {
                if (method.getName().equals(name) && method.getDeclaringClass() != Object.class) {
                    found = true;
                    noArguments |= method.getParameterCount() == 0;
                }
            }
            return found ? Optional.of("Did you mean " + name + (noArguments ? "()" : "(...)")
                    + "? It is a method: a call needs its parentheses.") : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Set<String>> methodsOf(String type, ClassLoader loader) {
        try {
            Class<?> cls = load(type, loader);
            Set<String> names = new LinkedHashSet<>();
            for (Method method : cls.getMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
                    names.add(method.getName());
                }
            }
            return Optional.of(names);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * javac names a nested type with dots ({@code ...model.CreateBucketRequest.Builder}, the
     * type of a builder lambda's parameter); the class loader wants {@code $} before each
     * nested name, so the dots are turned from the right until one loads.
     */
    private static Class<?> load(String type, ClassLoader loader) throws ClassNotFoundException {
        String name = type;
        while (true) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0 || !Character.isUpperCase(name.charAt(dot + 1)) || dot == 0
                        || !Character.isUpperCase(name.charAt(name.lastIndexOf('.', dot - 1) + 1))) {
                    throw e;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }

    /** The candidate equal but for case, else at most two edits away (one for short names). */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (!candidate.equals(typed) && candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(candidate);
            }
        }
        int allowed = typed.length() <= 4 ? 1 : 2;
        return candidates.stream().filter(c -> !c.equals(typed) && !c.startsWith("$"))
                .map(c -> new Scored(c, distance(lower, c.toLowerCase(Locale.ROOT)), commonPrefix(lower, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= allowed)
                // on a tie the one that starts as typed: "st" is sts rather than s3
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Comparator.comparingInt(Scored::prefix).reversed())
                        .thenComparing(Scored::name))
                .map(Scored::name);
    }

    private record Scored(String name, int distance, int prefix) {
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
