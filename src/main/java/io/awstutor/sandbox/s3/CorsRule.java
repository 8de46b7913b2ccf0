package io.awstutor.sandbox.s3;

import java.util.List;
import java.util.Locale;

/**
 * One rule of a bucket's CORS configuration. Origins and allowed headers may hold one
 * {@code *} wildcard each, as S3 allows; header names match case-insensitively.
 */
public record CorsRule(String id, List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposeHeaders, Integer maxAgeSeconds) {
    public static final List<String> METHODS = List.of("GET", "PUT", "HEAD", "POST", "DELETE");

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** Whether this rule lets {@code origin} send {@code method} with {@code requestHeaders}. */
    public boolean allows(String origin, String method, List<String> requestHeaders) {
        if (allowedOrigins.stream().noneMatch(o -> wildcard(o, origin)) || !allowedMethods.contains(method)) {
            return false;
        }
        for (String header : requestHeaders) {
            String h = header.toLowerCase(Locale.ROOT);
            if (allowedHeaders.stream().noneMatch(a -> wildcard(a.toLowerCase(Locale.ROOT), h))) {
                return false;
            }
        }
        return true;
    }

    /** The first rule that allows the request, or null: S3 applies the first match only. */
    public static CorsRule match(List<CorsRule> rules, String origin, String method, List<String> requestHeaders) {
        if (rules == null) {
            return null;
        }
        return rules.stream().filter(r -> r.allows(origin, method, requestHeaders)).findFirst().orElse(null);
    }

    private static boolean wildcard(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return value.length() >= prefix.length() + suffix.length() && value.startsWith(prefix) && value.endsWith(suffix);
    }
}
