package io.awstutor.sandbox.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All versions of one key, newest first (an unversioned bucket has exactly one, version id
 * "null"). Immutable: a write makes a new history, so readers never see a half update.
 */
public record KeyHistory(List<S3Object> versions) {

    public KeyHistory {
        versions = List.copyOf(versions);
    }

    public Optional<S3Object> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /** The current object, unless the latest version is a delete marker. */
    public Optional<S3Object> current() {
        return latest().filter(o -> !o.deleteMarker());
    }

    public Optional<S3Object> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** Adds {@code object} as the newest, dropping any older version with the same id. */
    public KeyHistory push(S3Object object) {
        List<S3Object> next = new ArrayList<>(versions.size() + 1);
        next.add(object);
        for (S3Object v : versions) {
            if (!v.versionId().equals(object.versionId())) {
                next.add(v);
            }
        }
        return new KeyHistory(next);
    }

    public KeyHistory replace(S3Object object) {
        List<S3Object> next = new ArrayList<>(versions);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).versionId().equals(object.versionId())) {
                next.set(i, object);
            }
        }
        return new KeyHistory(next);
    }

    public KeyHistory remove(String versionId) {
        List<S3Object> next = new ArrayList<>(versions);
        next.removeIf(v -> v.versionId().equals(versionId));
        return new KeyHistory(next);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}
