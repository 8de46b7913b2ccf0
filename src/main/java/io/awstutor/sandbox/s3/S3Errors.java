package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;

/** S3 errors used from several places, with AWS's exact texts. */
public final class S3Errors {
    private S3Errors() {
    }

    public static AwsException malformedXml() {
        return AwsException.badRequest("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    public static AwsException noSuchKey(String key) {
        return AwsException.notFound("NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    public static AwsException noSuchVersion(String key, String versionId) {
        return AwsException.notFound("NoSuchVersion", "The specified version does not exist.")
                .with("Key", key).with("VersionId", versionId);
    }

    public static AwsException noSuchUpload(String uploadId) {
        return AwsException.notFound("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.").with("UploadId", uploadId);
    }

    public static AwsException invalidArgument(String message, String name, String value) {
        AwsException e = AwsException.badRequest("InvalidArgument", message).with("ArgumentName", name);
        return value == null ? e : e.with("ArgumentValue", value);
    }

    public static AwsException accessDenied() {
        return AwsException.forbidden("AccessDenied", "Access Denied");
    }

    public static AwsException invalidObjectState(StorageClass storageClass) {
        return AwsException.forbidden("InvalidObjectState", "The operation is not valid for the object's storage class")
                .with("StorageClass", storageClass.name());
    }

    public static AwsException notImplemented(String header) {
        return new AwsException("NotImplemented", "A header you provided implies functionality that is not implemented", 501)
                .with("Header", header);
    }
}
