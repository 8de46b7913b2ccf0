package io.awstutor.sandbox.rds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a Describe* answer. The marker is the key of the last item returned, so a
 * page boundary stays put when items are added or removed between calls.
 */
public record Page<T>(List<T> items, String nextMarker) {

    static final int DEFAULT_MAX_RECORDS = 100;

    static <T> Page<T> of(List<T> sorted, Function<T, String> key, String marker, Integer maxRecords) {
        int max = maxRecords == null ? DEFAULT_MAX_RECORDS : maxRecords;
        if (max < 20 || max > 100) {
            throw RdsErrors.invalidValue("Invalid value " + max + " for MaxRecords. Must be between 20 and 100.");
        }
        List<T> page = new ArrayList<>();
        String next = null;
        for (T item : sorted) {
            if (marker != null && !marker.isEmpty() && key.apply(item).compareTo(marker) <= 0) {
                continue;
            }
            if (page.size() == max) {
                next = key.apply(page.get(page.size() - 1));
                break;
            }
            page.add(item);
        }
        return new Page<>(page, next);
    }
}
