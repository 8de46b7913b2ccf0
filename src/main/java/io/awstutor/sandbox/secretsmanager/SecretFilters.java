package io.awstutor.sandbox.secretsmanager;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * ListSecrets' filters as AWS matches them: each value a prefix (a leading '!' negates it);
 * name, tag keys and values case-sensitive, description and "all" not; "all" looks at every
 * attribute word by word.
 */
final class SecretFilters {
    private SecretFilters() {
    }

    static boolean matches(Secret s, SecretsManagerBackend.Filter filter) {
        return filter.values().stream().anyMatch(value -> {
            boolean negate = value.startsWith("!");
            String prefix = negate ? value.substring(1) : value;
            return negate != matchesOne(s, filter.key(), prefix);
        });
    }

    private static boolean matchesOne(Secret s, String key, String prefix) {
        return switch (key) {
            case "name" -> s.name().startsWith(prefix);
            case "description" -> lower(s.description()).startsWith(lower(prefix));
            case "tag-key" -> s.tags().keySet().stream().anyMatch(k -> k.startsWith(prefix));
            case "tag-value" -> s.tags().values().stream().anyMatch(v -> v.startsWith(prefix));
            case "owning-service" -> s.owningService() != null && s.owningService().startsWith(prefix);
            case "primary-region" -> false;
            case "all" -> Stream.of(Stream.of(s.name(), lower(s.description())), s.tags().keySet().stream(), s.tags().values().stream())
                    .flatMap(x -> x).filter(java.util.Objects::nonNull)
                    .flatMap(text -> Stream.of(text.split("[\\s/_+=.@!-]+")))
                    .anyMatch(word -> lower(word).startsWith(lower(prefix)));
            default -> false;
        };
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
