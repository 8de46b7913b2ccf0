package io.awstutor.sandbox.http;

/**
 * A service's protocol adapter: decodes the request, asks the call to authorize the IAM
 * action it maps to, calls the backend, encodes the answer. Throwing
 * {@link io.awstutor.sandbox.protocol.AwsException} is the way to answer with an error.
 */
public interface ServiceHandler {

    /** The SigV4 signing name that routes to this service ("iam", "sts", "s3", "ec2", ...). */
    String signingName();

    ErrorFormat errorFormat();

    SandboxResponse handle(ServiceCall call) throws java.io.IOException;

    /**
     * Whether an unsigned request is plainly meant for this service's API (a path only it
     * uses), so that it is refused as AWS refuses it (MissingAuthenticationToken) rather than
     * treated as an anonymous S3 request. S3 itself, which serves anonymous requests, says no.
     */
    default boolean recognizesUnsigned(SandboxRequest request) {
        return false;
    }

    /**
     * Why this request is not for this service's API although it is signed with its name
     * (SES's API v2 signs as {@code ses}, as its first API does), or empty when it is: the
     * sandbox answers it as a service it does not serve, in the protocol its client speaks.
     */
    default java.util.Optional<String> unservedApi(SandboxRequest request) {
        return java.util.Optional.empty();
    }

    /**
     * The operation a REST request is (its route table's row), for those who hear of answered
     * calls; query and JSON services name theirs in the request and need not answer.
     */
    default java.util.Optional<String> operationName(SandboxRequest request) {
        return java.util.Optional.empty();
    }

    /**
     * For a service that still accepts SigV2 query authentication (S3): the canonical resource
     * its string-to-sign ends with. Empty: the service knows no SigV2, and such a request is
     * anonymous.
     */
    default java.util.Optional<String> sigV2Resource(SandboxRequest request) {
        return java.util.Optional.empty();
    }
}
