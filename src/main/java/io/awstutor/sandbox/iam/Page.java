package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.AwsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of an IAM listing. {@code Marker} is opaque to clients: here it encodes the sort
 * key of the first item of the next page, so deleting items between calls loses nothing.
 */
public record Page<T>(List<T> items, boolean truncated, String nextMarker) {
    public static final int DEFAULT_MAX_ITEMS = 100;

    /** Cuts {@code sorted} (ordered by {@code key}) at {@code marker}, at most {@code maxItems} items. */
    public static <T> Page<T> of(List<T> sorted, Function<T, String> key, Optional<String> marker, Optional<Integer> maxItems) {
        int max = maxItems.map(m -> IamValidation.range("maxItems", m, 1, 1000)).orElse(DEFAULT_MAX_ITEMS);
        int start = 0;
        if (marker.isPresent()) {
            String from = decode(marker.get());
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(from) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + max);
        boolean truncated = end < sorted.size();
        String next = truncated ? encode(key.apply(sorted.get(end))) : null;
        return new Page<>(List.copyOf(sorted.subList(start, end)), truncated, next);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), truncated, nextMarker);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.validation("Invalid Marker: " + marker);
        }
    }
}
