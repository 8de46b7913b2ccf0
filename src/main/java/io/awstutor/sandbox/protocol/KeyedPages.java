package io.awstutor.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The one way the sandbox pages a listing of things it keeps (IAM users, DB instances, EC2
 * groups, SES identities, distributions …): the listing is in the order of each item's key
 * (its name or id), and the token names the first item of the next page. The next call
 * resumes at the first item whose key is not below the token's, so an item deleted or added
 * between two calls neither repeats nor hides another. Tokens are opaque to clients (AWS's
 * are too) and carry a check, so a made-up or damaged token is the service's invalid-token
 * error rather than a silently wrong page.
 *
 * <p>Answers computed afresh for each call, which have no keys (a price list, a bill), page
 * by offset instead: {@link OffsetPages}.
 */
public final class KeyedPages {
    private KeyedPages() {
    }

    public record Page<T>(List<T> items, Optional<String> next) {
        public boolean truncated() {
            return next.isPresent();
        }
    }

    /**
     * @param max     at most this many items; null for all
     * @param invalid the service's error for a token it did not make
     */
    public static <T> Page<T> page(List<T> items, Function<T, String> key, Optional<String> token, Integer max,
                                   Supplier<AwsException> invalid) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        int start = 0;
        if (token.isPresent() && !token.get().isEmpty()) {
            String from = decode(token.get()).orElseThrow(invalid);
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(from) < 0) {
                start++;
            }
        }
        int end = max == null ? sorted.size() : (int) Math.min(sorted.size(), (long) start + max);
        Optional<String> next = end < sorted.size() ? Optional.of(encode(key.apply(sorted.get(end)))) : Optional.empty();
        return new Page<>(List.copyOf(sorted.subList(start, end)), next);
    }

    static String encode(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + check(bytes);
    }

    static Optional<String> decode(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, dot).trim());
            return token.substring(dot + 1).equals(check(bytes)) ? Optional.of(new String(bytes, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String check(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Long.toHexString(crc.getValue());
    }
}
