package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.AwsException;

/** CloudFront's error codes and texts, in one place. */
final class CloudFrontErrors {
    private CloudFrontErrors() {
    }

    static AwsException malformedXml(String detail) {
        return AwsException.badRequest("MalformedXML", detail);
    }

    static AwsException invalidArgument(String message) {
        return AwsException.badRequest("InvalidArgument", message);
    }

    static AwsException noSuchDistribution() {
        return AwsException.notFound("NoSuchDistribution", "The specified distribution does not exist.");
    }

    static AwsException noSuchInvalidation() {
        return AwsException.notFound("NoSuchInvalidation", "The specified invalidation does not exist.");
    }

    static AwsException missingIfMatch() {
        return AwsException.badRequest("InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
    }

    static AwsException preconditionFailed() {
        return new AwsException("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.", 412);
    }
}
