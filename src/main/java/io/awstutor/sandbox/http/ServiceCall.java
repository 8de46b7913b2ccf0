package io.awstutor.sandbox.http;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.DenialMessage;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request on its way to a service: the raw request, who signed it, the
 * region from its credential scope (the service's default when unsigned; null when the
 * signature names none, as S3's SigV2 query authentication does), and the request id that the
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
            throw new AwsException(deniedCode, DenialMessage.of(caller, action, resourceArn, decision, false), 403)
                    .withHeader(DECISION_HEADER, headerSafe(decision.reason()));
        }
    }

    /**
     * The evaluator's one-line reason for a denial (naming the deciding statement), in a header
     * AWS does not send, for a person debugging a policy with curl or a test. The shell does
     * not read it: it asks the policy simulator, which works on every target.
     */
    public static final String DECISION_HEADER = "x-awstutor-authorization";

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
