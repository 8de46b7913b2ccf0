package io.awstutor.jshell;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every service's model is imported whole, so a name several services share ({@code Tag},
 * {@code Filter}) is ambiguous and the natural {@code Tag.builder()} does not compile. The
 * snippet says which service it means by the client it calls ({@code ec2.createTags(...)}):
 * that service's class is imported by name, which javac prefers to the wildcard imports,
 * and the snippet runs again. A later snippet for another service re-imports its own.
 */
final class AmbiguousNames {
    private static final Pattern AMBIGUOUS = Pattern.compile("reference to (\\w+) is ambiguous");
    private static final Pattern MISMATCH = Pattern.compile(
            "software\\.amazon\\.awssdk\\.services\\.\\w+\\.model\\.(\\w+) cannot be converted to software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.model\\.\\1\\b");
    private static final Pattern CLIENT = Pattern.compile("\\b(?:clients\\s*\\.\\s*)?(\\w+)\\s*(?:\\.|\\()");

    private AmbiguousNames() {
    }

    /** The import that settles the compile error {@code message} of {@code source}, when there is one. */
    static Optional<String> importFor(String message, String source, ClassLoader loader) {
        Matcher mismatch = MISMATCH.matcher(message);
        if (mismatch.find()) {
            return importOf(mismatch.group(2), mismatch.group(1), loader);
        }
        Matcher ambiguous = AMBIGUOUS.matcher(message);
        if (!ambiguous.find()) {
            return Optional.empty();
        }
        String simpleName = ambiguous.group(1);
        Matcher client = CLIENT.matcher(source);
        while (client.find()) {
            String service = client.group(1);
            if (StartupSnippets.SERVICES.containsKey(service)) {
                Optional<String> found = importOf(service, simpleName, loader);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> importOf(String service, String simpleName, ClassLoader loader) {
        String name = "software.amazon.awssdk.services." + service + ".model." + simpleName;
        try {
            Class.forName(name, false, loader);
            return Optional.of("import " + name + ";");
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
