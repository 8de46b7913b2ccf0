package io.awstutor.sandbox.s3.access;

import io.awstutor.sandbox.protocol.AwsException;

/**
 * Object Ownership: with BucketOwnerEnforced (the default for new buckets) ACLs are
 * disabled; the bucket owner owns every object and only policies grant access.
 */
public enum ObjectOwnership {
    BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter;

    public boolean aclsDisabled() {
        return this == BucketOwnerEnforced;
    }

    public static ObjectOwnership parse(String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AwsException.badRequest("MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }
}
