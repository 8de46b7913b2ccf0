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
}
