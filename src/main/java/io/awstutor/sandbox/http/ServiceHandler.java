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
}
