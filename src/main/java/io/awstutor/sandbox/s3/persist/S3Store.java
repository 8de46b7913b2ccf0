package io.awstutor.sandbox.s3.persist;

import io.awstutor.sandbox.s3.BucketConfig;
import io.awstutor.sandbox.s3.MultipartUpload;
import io.awstutor.sandbox.s3.S3Object;

import java.util.List;

/**
 * Where S3's metadata lives between restarts: one file per bucket config, one per object
 * version (named by its sequence, so a write never rewrites other objects' metadata), one
 * per multipart upload. Bodies are in the blob store.
 */
public interface S3Store {

    void saveBucket(BucketConfig config);

    void deleteBucket(String name);

    void saveObject(S3Object object);

    void deleteObject(S3Object object);

    void saveUpload(MultipartUpload.Spec spec, List<MultipartUpload.Part> parts);

    void deleteUpload(String uploadId);

    Snapshot load();

    record Snapshot(List<BucketConfig> buckets, List<S3Object> objects, List<SavedUpload> uploads) {
    }

    record SavedUpload(MultipartUpload.Spec spec, List<MultipartUpload.Part> parts) {
    }

    /** The in-memory sandbox: nothing outlives the process. */
    S3Store NONE = new S3Store() {
        public void saveBucket(BucketConfig config) { }
        public void deleteBucket(String name) { }
        public void saveObject(S3Object object) { }
        public void deleteObject(S3Object object) { }
        public void saveUpload(MultipartUpload.Spec spec, List<MultipartUpload.Part> parts) { }
        public void deleteUpload(String uploadId) { }
        public Snapshot load() {
            return new Snapshot(List.of(), List.of(), List.of());
        }
    };
}
