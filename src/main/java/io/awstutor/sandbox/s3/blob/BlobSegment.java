package io.awstutor.sandbox.s3.blob;

/** One file of an object's body: a whole single-part object, or one part of a multipart one. */
public record BlobSegment(String id, long size) {
}
