package io.awstutor.sandbox.iam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** IAM's tag rules: keys unique regardless of case, at most 50 per resource, values replaced in place. */
final class Tagging {
    static final int MAX_TAGS = 50;

    private Tagging() {
    }

    static void checkUnique(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
    }

    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        checkUnique(added);
        List<Tag> result = new ArrayList<>(existing);
        for (Tag tag : added) {
            boolean replaced = false;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).key().equalsIgnoreCase(tag.key())) {
                    result.set(i, tag);
                    replaced = true;
                }
            }
            if (!replaced) {
                result.add(tag);
            }
        }
        if (result.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return result;
    }

    static List<Tag> remove(List<Tag> existing, List<String> keys) {
        List<Tag> result = new ArrayList<>(existing);
        result.removeIf(t -> keys.stream().anyMatch(k -> k.equalsIgnoreCase(t.key())));
        return result;
    }

    /** A page of tags for List*Tags, in key order so that markers are stable. */
    static Page<Tag> page(List<Tag> tags, Optional<String> marker, Optional<Integer> maxItems) {
        List<Tag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(Tag::key));
        return Page.of(sorted, Tag::key, marker, maxItems);
    }
}
