package io.awstutor.sandbox.http;

import io.awstutor.sandbox.protocol.AwsException;

/**
 * How a service's protocol writes an error document. The HTTP layer needs it before any
 * service code runs (a bad signature is answered in the protocol of the service it was
 * addressed to), so each service declares one.
 */
public interface ErrorFormat {
    SandboxResponse encode(AwsException error, String requestId);
}
