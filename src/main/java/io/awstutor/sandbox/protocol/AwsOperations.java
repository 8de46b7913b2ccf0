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
 * The names of every operation a service has on AWS (a resource file, one name a line, taken
 * from the service model), so that a call the sandbox does not implement is answered as
 * such rather than as an unknown action.
 */
public final class AwsOperations {
    private AwsOperations() {
    }

    /** Reads {@code resource} next to {@code owner}; lines starting with '#' are comments. */
    public static Set<String> load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
            }
            Set<String> names = new TreeSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
