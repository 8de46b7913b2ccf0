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
public record AwsOperations(Set<String> names, Set<String> emptyResults) {

    /** For a service that lists nothing: every unimplemented action is simply unknown. */
    public static final AwsOperations NONE = new AwsOperations(Set.of(), Set.of());

    public boolean contains(String action) {
        return names.contains(action);
    }

    public boolean hasEmptyResult(String action) {
        return emptyResults.contains(action);
    }

    /** Reads {@code resource} next to {@code owner}; lines starting with '#' are comments. */
    public static AwsOperations load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
            }
            Set<String> names = new TreeSet<>();
            Set<String> empty = new TreeSet<>();
            // read at every sandbox start: a plain loop, no regex (EC2's list has 700 lines)
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
            return new AwsOperations(Set.copyOf(names), Set.copyOf(empty));
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
