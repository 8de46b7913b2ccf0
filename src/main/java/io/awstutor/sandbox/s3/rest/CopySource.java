package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Preconditions;
import io.awstutor.sandbox.s3.S3Object;

import java.time.Instant;

/** The {@code x-amz-copy-source} header ({@code /bucket/key?versionId=...}, URL-encoded) and its conditions. */
record CopySource(String bucket, String key, String versionId) {

    static CopySource parse(String header) {
        String value = header.trim();
        String versionId = null;
        int q = value.indexOf("?versionId=");
        if (q >= 0) {
            versionId = value.substring(q + "?versionId=".length());
            value = value.substring(0, q);
        }
        String decoded = S3Address.decodePath(value);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw AwsException.badRequest("InvalidArgument", "Invalid copy source object key")
                    .with("ArgumentName", "x-amz-copy-source").with("ArgumentValue", header);
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }

    void checkPreconditions(SandboxRequest request, S3Object source) {
        String ifMatch = request.header("x-amz-copy-source-if-match").orElse(null);
        String ifNoneMatch = request.header("x-amz-copy-source-if-none-match").orElse(null);
        Instant modifiedSince = S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-modified-since").orElse(null));
        Instant unmodifiedSince = S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-unmodified-since").orElse(null));
        Preconditions.Outcome outcome = new Preconditions.Read(ifMatch, ifNoneMatch, modifiedSince, unmodifiedSince)
                .evaluate(source);
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            // a copy has no "not modified" answer: S3 reports the failed condition
            throw Preconditions.failed(ifNoneMatch != null ? "x-amz-copy-source-If-None-Match" : "x-amz-copy-source-If-Modified-Since");
        }
    }
}
