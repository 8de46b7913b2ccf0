package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;

import java.time.Duration;
import java.time.Instant;

/**
 * RestoreObject for the archive classes. The delays are the tutorial's pace for each tier
 * (AWS's are hours); {@code SandboxContext.scaled} shortens them further in tests.
 */
public final class Restores {
    private final S3Backend backend;

    public Restores(S3Backend backend) {
        this.backend = backend;
    }

    /** Expedited 1 min, Standard 5 min (12 for DEEP_ARCHIVE), Bulk 15 min (48 for DEEP_ARCHIVE). */
    static Duration delay(StorageClass storageClass, String tier) {
        boolean deep = storageClass == StorageClass.DEEP_ARCHIVE;
        return switch (tier == null ? "Standard" : tier) {
            case "Expedited" -> {
                if (deep) {
                    throw AwsException.forbidden("InvalidObjectState",
                            "Restore tier Expedited is not supported for the object's storage class");
                }
                yield Duration.ofMinutes(1);
            }
            case "Standard" -> Duration.ofMinutes(deep ? 12 : 5);
            case "Bulk" -> Duration.ofMinutes(deep ? 48 : 15);
            default -> throw S3Errors.malformedXml();
        };
    }

    /** Returns true when a new restore started (202), false when an existing one was extended (200). */
    public boolean restore(Bucket bucket, S3Object object, int days, String tier) {
        if (!object.storageClass().archived()) {
            throw AwsException.forbidden("InvalidObjectState", "Restore is not allowed for the object's current storage class");
        }
        if (days < 1) {
            throw AwsException.badRequest("InvalidArgument", "Days must be a positive integer");
        }
        Instant now = backend.now();
        RestoreStatus current = object.restore();
        if (current != null && current.ongoing(now)) {
            throw AwsException.conflict("RestoreAlreadyInProgress", "Object restore is already in progress");
        }
        if (current != null && current.readable(now)) {
            RestoreStatus extended = new RestoreStatus(current.requestedAt(), current.readyAt(), days);
            backend.objects().update(bucket, object, o -> o.withRestore(extended));
            return false;
        }
        Duration wait = backend.context().scaled(delay(object.storageClass(), tier));
        RestoreStatus started = new RestoreStatus(now, now.plus(wait), days);
        backend.objects().update(bucket, object, o -> o.withRestore(started));
        return true;
    }
}
