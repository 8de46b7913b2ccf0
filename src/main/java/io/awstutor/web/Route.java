package io.awstutor.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a route table: a method and a pattern of path segments, where {@code {name}}
 * takes one segment and a last {@code {name+}} takes the rest (an object key with slashes).
 * Segments are percent-decoded one by one, so an encoded '/' inside a name stays in it.
 */
record Route(String method, String pattern, List<String> segments, Page page) {

    static Route of(String method, String pattern, Page page) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + pattern);
        }
        List<String> segments = split(pattern);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).endsWith("+}") && i != segments.size() - 1) {
                throw new IllegalArgumentException("{name+} must be the last segment: " + pattern);
            }
        }
        return new Route(method, pattern, segments, page);
    }

    /** The named parts when {@code rawPath} (below the prefix, still encoded) fits this pattern. */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = split(rawPath);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            if (want.startsWith("{") && want.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                List<String> rest = new ArrayList<>();
                for (String part : actual.subList(i, actual.size())) {
                    rest.add(decode(part));
                }
                params.put(want.substring(1, want.length() - 2), String.join("/", rest));
                return Optional.of(params);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (want.startsWith("{") && want.endsWith("}")) {
                params.put(want.substring(1, want.length() - 1), decode(actual.get(i)));
            } else if (!want.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(params) : Optional.empty();
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            parts.add(part);
        }
        // "/a/b" → ["", "a", "b"]: drop the leading empty part; keep a trailing one ("/a/" ≠ "/a")
        parts.remove(0);
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            parts.clear();
        }
        return parts;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new WebException(400, "Malformed percent-encoding in the path.");
        }
    }
}
