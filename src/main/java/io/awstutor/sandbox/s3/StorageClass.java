package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;

/**
 * The storage classes a learner meets. The archive classes (GLACIER, DEEP_ARCHIVE) keep the
 * bytes but refuse GetObject until a restore completes; GLACIER_IR is instantly readable.
 */
public enum StorageClass {
    STANDARD, REDUCED_REDUNDANCY, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, GLACIER_IR, DEEP_ARCHIVE;

    public boolean archived() {
        return this == GLACIER || this == DEEP_ARCHIVE;
    }

    public static StorageClass parse(String value) {
        if (value == null || value.isEmpty()) {
            return STANDARD;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("InvalidStorageClass", "The storage class you specified is not valid");
        }
    }
}
