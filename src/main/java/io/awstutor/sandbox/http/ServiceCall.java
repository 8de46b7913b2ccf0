package io.awstutor.sandbox.http;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.iam.policy.PermissionsBoundary;
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
            String message = "User: " + caller.arn() + " is not authorized to perform: " + action
                    + " on resource: " + resourceArn + because(action, decision, resourcePolicy.isPresent());
            throw new AwsException(deniedCode, message, 403).withHeader(DECISION_HEADER, headerSafe(decision.reason()));
        }
    }

    /**
     * The evaluator's one-line reason for a denial (naming the deciding statement) travels in
     * this response header, so the shell can show why without parsing the message.
     */
    public static final String DECISION_HEADER = "x-awstutor-authorization";

    /** AWS's wording for why (since 2021); sts:AssumeRole denials carry none. */
    private String because(String action, Authorizer.Decision decision, boolean hasResourcePolicy) {
        if (action.equalsIgnoreCase("sts:AssumeRole")) {
            return "";
        }
        String reason = decision.reason() == null ? "" : decision.reason();
        boolean resourceSide = reason.contains("resource policy of") || reason.contains("trust policy of");
        boolean boundarySide = reason.contains("(" + PermissionsBoundary.NOTE_PREFIX);
        if (decision.explicitDeny()) {
            return " with an explicit deny in " + (resourceSide ? "a resource-based policy"
                    : boundarySide ? "a permissions boundary" : "an identity-based policy");
        }
        if (boundarySide) {
            return " because no permissions boundary allows the " + action + " action";
        }
        if (caller instanceof Caller.Anonymous || (hasResourcePolicy && reason.contains("cross-account: an identity-based policy allows"))) {
            return " because no resource-based policy allows the " + action + " action";
        }
        return " because no identity-based policy allows the " + action + " action";
    }

    private static String headerSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    public void authorize(String action, String resourceArn, String deniedCode) {
        authorize(action, resourceArn, deniedCode, Map.of(), Optional.empty());
    }

    public String accountId() {
        return caller.accountId();
    }
}
