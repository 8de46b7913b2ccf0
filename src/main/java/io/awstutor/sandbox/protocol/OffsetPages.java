package io.awstutor.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pages over an answer computed afresh for each call (a price list, a bill): the token
 * carries the offset and a fingerprint of the request it continues, so a token replayed
 * with other parameters, or made up, is the service's invalid-token error rather than a
 * silently wrong page.
 */
public final class OffsetPages {
    private OffsetPages() {
    }

    public record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    /**
     * @param request     what identifies the request (its parameters but the token)
     * @param invalidCode the service's error code for a bad token
     */
    public static <T> Page<T> page(List<T> all, Optional<String> token, int maxResults, String request, String invalidCode) {
        int offset = token.map(t -> offset(t, request, invalidCode)).orElse(0);
        int end = (int) Math.min(all.size(), (long) offset + Math.max(1, maxResults));
        List<T> items = offset >= all.size() ? List.of() : List.copyOf(all.subList(offset, end));
        Optional<String> next = end < all.size() ? Optional.of(token(end, request)) : Optional.empty();
        return new Page<>(items, next);
    }

    private static String token(int offset, String request) {
        String raw = offset + ":" + Integer.toHexString(request.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String request, String invalidCode) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon > 0 && raw.substring(colon + 1).equals(Integer.toHexString(request.hashCode()))) {
                return Integer.parseInt(raw.substring(0, colon));
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the service's error
        }
        throw AwsException.badRequest(invalidCode, "The next token is invalid for this request.");
    }
}
