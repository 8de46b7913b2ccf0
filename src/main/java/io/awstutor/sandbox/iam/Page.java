package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.protocol.AwsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of an IAM listing, paged the sandbox's one way ({@link KeyedPages}) with IAM's
 * MaxItems rules and its Marker error.
 */
public record Page<T>(List<T> items, boolean truncated, String nextMarker) {
    public static final int DEFAULT_MAX_ITEMS = 100;

    /** One page of {@code items}, in the order of {@code key} (see {@link KeyedPages}). */
    public static <T> Page<T> of(List<T> items, Function<T, String> key, Optional<String> marker, Optional<Integer> maxItems) {
        int max = maxItems.map(m -> IamValidation.range("maxItems", m, 1, 1000)).orElse(DEFAULT_MAX_ITEMS);
        KeyedPages.Page<T> page = KeyedPages.page(items, key, marker, max,
                () -> AwsException.validation("Invalid Marker: " + marker.orElse("")));
        return new Page<>(page.items(), page.truncated(), page.next().orElse(null));
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), truncated, nextMarker);
    }
}
