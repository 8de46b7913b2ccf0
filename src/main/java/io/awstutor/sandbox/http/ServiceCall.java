package io.awstutor.sandbox.http;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request on its way to a service: the raw request, who signed it, the
 * region from its credential scope (or the service's default), and the request id that the
 * response and any error carry.
 */
public record ServiceCall(SandboxRequest request, Caller caller, String region, String requestId,
                          Authorizer authorizer, Map<String, List<String>> baseContext) {

    /**
     * Asks IAM whether the caller may do {@code action} on {@code resourceArn}; throws the
     * service's access-denied error (code {@code deniedCode}, HTTP 403) with AWS's message
     * form when not.
     */
    public void authorize(String action, String resourceArn, String deniedCode,
                          Map<String, List<String>> extraContext, Optional<String> resourcePolicy) {
        if (caller instanceof Caller.Root) {
            return;
        }
        Map<String, List<String>> context = new java.util.HashMap<>(baseContext);
        context.putAll(extraContext);
        Authorizer.Decision decision = authorizer.authorize(caller, action, resourceArn, context, resourcePolicy);
        if (!decision.allowed()) {
            String how = decision.explicitDeny() ? " with an explicit deny" : "";
            String message = "User: " + caller.arn() + " is not authorized to perform: " + action
                    + " on resource: " + resourceArn + how;
            throw new AwsException(deniedCode, message, 403);
        }
    }

    public void authorize(String action, String resourceArn, String deniedCode) {
        authorize(action, resourceArn, deniedCode, Map.of(), Optional.empty());
    }

    public String accountId() {
        return caller.accountId();
    }
}
