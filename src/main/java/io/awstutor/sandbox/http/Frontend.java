package io.awstutor.sandbox.http;

import java.io.IOException;
import java.util.function.Function;

/**
 * Something that answers unsigned requests in front of another service's content, as
 * CloudFront's edge stands in front of an S3 origin: it claims the requests addressed to it
 * (by Host or path) and answers them, usually by asking the dispatcher for the origin's answer.
 */
public interface Frontend {

    /** The service the answers are logged and counted under ("cloudfront"). */
    String service();

    boolean claims(SandboxRequest request);

    /** {@code origin} dispatches a rewritten request as the sandbox would answer it from outside. */
    SandboxResponse serve(SandboxRequest request, Function<SandboxRequest, SandboxResponse> origin) throws IOException;
}
