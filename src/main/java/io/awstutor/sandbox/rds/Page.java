package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.KeyedPages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a Describe* answer, paged the sandbox's one way ({@link KeyedPages}) with RDS's
 * MaxRecords rule (20 to 100).
 */
public record Page<T>(List<T> items, String nextMarker) {

    static final int DEFAULT_MAX_RECORDS = 100;

    static <T> Page<T> of(List<T> sorted, Function<T, String> key, String marker, Integer maxRecords) {
        int max = maxRecords == null ? DEFAULT_MAX_RECORDS : maxRecords;
        if (max < 20 || max > 100) {
            throw RdsErrors.invalidValue("Invalid value " + max + " for MaxRecords. Must be between 20 and 100.");
        }
        KeyedPages.Page<T> page = KeyedPages.page(sorted, key, java.util.Optional.ofNullable(marker), max,
                () -> RdsErrors.invalidValue("The marker " + marker + " is not valid."));
        return new Page<>(page.items(), page.next().orElse(null));
    }
}
