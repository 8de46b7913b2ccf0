package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a call is refused for lack of permission, says who was refused what on which
 * resource, and which policy statement decided — or that nothing allowed it. The answer
 * comes from IAM's policy simulator (SimulatePrincipalPolicy) through the target's own
 * clients, so the sandbox and a real account explain a denial the same way; where the
 * simulator may not be asked, the shell says so instead of guessing.
 */
final class DenialExplainer {
    private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError");
    private static final Pattern AWS_MESSAGE = Pattern.compile(
            "User: (\\S+) is not authorized to perform: (\\S+) on resource: (\\S+?)(?: with an explicit deny.*| because (.*))?$");

    private final ClientFactory clients;

    DenialExplainer(ClientFactory clients) {
        this.clients = clients;
    }

    static boolean isDenial(CallRecord call) {
        return !call.ok() && call.errorCode() != null && DENIED_CODES.contains(call.errorCode());
    }

    /** A few lines for the learner, or nothing when the message does not name the principal. */
    List<String> explain(CallRecord call) {
        List<String> lines = new ArrayList<>();
        Matcher m = AWS_MESSAGE.matcher(call.errorMessage() == null ? "" : call.errorMessage().trim());
        if (!m.find()) {
            return lines;
        }
        String principal = m.group(1);
        String action = m.group(2);
        String resource = m.group(3).replaceAll("^\"|\"$", "");
        String because = m.group(4) == null ? "" : m.group(4).strip().replaceFirst("\\.$", "");
        lines.add("Why denied: " + principal + " may not " + action + " on " + resource + ".");
        // The root user holds every permission, so no IAM statement decided; and a reason AWS
        // gives that is not about identity policies (Block Public Access, an SCP) is the answer
        boolean root = principal.endsWith(":root");
        if (root || (!because.isEmpty() && !because.contains("identity-based policy"))) {
            String what = because.isEmpty() ? "a resource policy or the service itself" : "AWS says " + because;
            lines.add(root ? "  The root user needs no IAM policy, so something else refused: " + what + "."
                    : "  It is not an identity policy that refused: " + what + ".");
            return lines;
        }
        simulate(principal, action, resource).ifPresentOrElse(lines::add,
                () -> lines.add("  (IAM's policy simulator could not be asked from here to say which statement decided.)"));
        return lines;
    }

    private Optional<String> simulate(String principal, String action, String resource) {
        String source = policySource(principal);
        try (IamClient iam = clients.iam()) {
            SimulatePrincipalPolicyResponse response = iam.simulatePrincipalPolicy(b -> b
                    .policySourceArn(source).actionNames(action).resourceArns(resource));
            if (response.evaluationResults().isEmpty()) {
                return Optional.empty();
            }
            EvaluationResult result = response.evaluationResults().get(0);
            String decision = result.evalDecisionAsString();
            List<Statement> matched = result.matchedStatements();
            if ("explicitDeny".equals(decision)) {
                String where = matched.isEmpty() ? "a policy" : "policy " + matched.get(0).sourcePolicyId();
                return Optional.of("  Decided by an explicit Deny in " + where + ": a deny wins over every allow.");
            }
            if ("allowed".equals(decision)) {
                return Optional.of("  The identity policies allow it (" + names(matched)
                        + "); a resource policy, permissions boundary or the service itself refused.");
            }
            return Optional.of("  No statement of " + source.substring(source.lastIndexOf(':') + 1)
                    + "'s policies allows it (an implicit deny): add a policy that allows " + action + ".");
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private static String names(List<Statement> matched) {
        return matched.isEmpty() ? "by a statement" : String.join(", ", matched.stream().map(Statement::sourcePolicyId).distinct().toList());
    }

    /** An assumed-role session is simulated as its role. */
    static String policySource(String principal) {
        Matcher role = Pattern.compile("arn:aws:sts::(\\d+):assumed-role/([^/]+)/.*").matcher(principal);
        return role.matches() ? "arn:aws:iam::" + role.group(1) + ":role/" + role.group(2) : principal;
    }
}
