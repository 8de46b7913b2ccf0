package io.awstutor.jshell;

import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("\\bimport\\s+([\\w.]+)\\.\\*\\s*;");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
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

    /**
     * The single-type imports to evaluate before the setup snippet {@code setup}, so that the
     * wildcard imports in it leave every valid learner snippet meaning what it means now.
     */
    static List<String> pinsBefore(String setup, JShell shell, Predicate<Snippet> learners, ClassLoader loader) {
        List<String> arriving = new ArrayList<>();
        for (Matcher m = WILDCARD_IMPORT.matcher(setup); m.find(); ) {
            arriving.add(m.group(1));
        }
        if (arriving.isEmpty()) {
            return List.of();
        }
        List<String> present = new ArrayList<>(List.of("java.lang"));
        Set<String> named = new java.util.HashSet<>();
        shell.imports().filter(i -> shell.status(i).isActive() && !i.isStatic()).map(ImportSnippet::fullname).forEach(name -> {
            if (name.endsWith(".*")) {
                present.add(name.substring(0, name.length() - 2));
            } else {
                named.add(name.substring(name.lastIndexOf('.') + 1));
            }
        });
        shell.types().filter(t -> shell.status(t).isActive()).forEach(t -> named.add(t.name())); // the learner's own come first
        present.removeAll(arriving);
        Set<String> pins = new LinkedHashSet<>();
        shell.snippets().filter(s -> learners.test(s) && shell.status(s) == Snippet.Status.VALID).forEach(snippet -> {
            for (Matcher word = TYPE_NAME.matcher(snippet.source()); word.find(); ) {
                String simple = word.group();
                if (named.contains(simple) || arriving.stream().noneMatch(pkg -> exists(pkg + "." + simple, loader))) {
                    continue;
                }
                List<String> meanings = present.stream().filter(pkg -> exists(pkg + "." + simple, loader)).toList();
                if (meanings.size() == 1) {
                    pins.add("import " + meanings.get(0) + "." + simple + ";");
                }
            }
        });
        return List.copyOf(pins);
    }

    private static boolean exists(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
