package io.awstutor.sandbox.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the service model says of a query service's operations (a resource file, one name a
 * line, taken from botocore's model): every operation it has on AWS, so that a call the
 * sandbox does not implement is answered as such rather than as an unknown action; and,
 * marked {@code empty-result}, those whose output shape has no members, whose answer still
 * carries an empty {@code <NameResult/>}.
 */
public final class AwsOperations {

    /** For a service that lists nothing: every unimplemented action is simply unknown. */
    public static final AwsOperations NONE = new AwsOperations(null, null);

    private record Lists(Set<String> names, Set<String> emptyResults) {
        static final Lists EMPTY = new Lists(Set.of(), Set.of());
    }

    private final Class<?> owner;
    private final String resource;
    /**
     * Read at the first question, not at start: both are asked only of a call the sandbox does
     * not implement or one whose answer is empty, and reading seven lists from the jar at every
     * start opened and indexed the jar on the start's main thread.
     */
    private volatile Lists lists;

    private AwsOperations(Class<?> owner, String resource) {
        this.owner = owner;
        this.resource = resource;
        this.lists = owner == null ? Lists.EMPTY : null;
    }

    public boolean contains(String action) {
        return lists().names().contains(action);
    }

    public boolean hasEmptyResult(String action) {
        return lists().emptyResults().contains(action);
    }

    /** The list in {@code resource} next to {@code owner}, read at its first use; lines starting with '#' are comments. */
    public static AwsOperations load(Class<?> owner, String resource) {
        return new AwsOperations(owner, resource);
    }

    private Lists lists() {
        Lists read = lists;
        if (read == null) {
            read = read(owner, resource);
            lists = read; // two threads may both read it: the same lists either way
        }
        return read;
    }

    private static Lists read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
            }
            Set<String> names = new TreeSet<>();
            Set<String> empty = new TreeSet<>();
            // a plain loop, no regex (EC2's list has 700 lines)
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String name = firstWord(line);
                names.add(name);
                if (firstWord(line.substring(name.length()).strip()).equals("empty-result")) {
                    empty.add(name);
                }
            }
            return new Lists(Set.copyOf(names), Set.copyOf(empty));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }
}
