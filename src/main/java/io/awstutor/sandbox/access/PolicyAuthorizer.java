package io.awstutor.sandbox.access;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.iam.policy.Evaluation;
import io.awstutor.sandbox.iam.policy.EvaluationRequest;
import io.awstutor.sandbox.iam.policy.NamedPolicy;
import io.awstutor.sandbox.iam.policy.PermissionsBoundary;
import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyEvaluator;
import io.awstutor.sandbox.iam.policy.PolicyKind;
import io.awstutor.sandbox.protocol.AwsException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforcement: the caller's identity policies (from IAM) and the resource's own policy (a
 * bucket policy, a role's trust policy), decided by IAM's evaluator. Root is always allowed in
 * its own account; in another's, the resource's policy decides, as for anyone.
 * The decision's reason names the statement that decided it, for the shell to show.
 */
public final class PolicyAuthorizer implements Authorizer {
    /** Parsed resource policies by their JSON; bounded, as every distinct text is a new entry. */
    private static final int MAX_CACHED_DOCUMENTS = 1024;

    private final IdentityPolicySource identities;
    private final PolicyEvaluator evaluator;
    private final Map<String, Optional<PolicyDocument>> parsed = new ConcurrentHashMap<>();

    public PolicyAuthorizer(IdentityPolicySource identities, Clock clock) {
        this.identities = identities;
        this.evaluator = new PolicyEvaluator(clock);
    }

    @Override
    public Decision authorize(Caller caller, String action, String resourceArn,
                              Map<String, List<String>> context, Optional<String> resourcePolicy) {
        if (caller instanceof Caller.Root && !ownedByAnotherAccount(caller, resourceArn, context)) {
            return Decision.root();
        }
        EvaluationRequest request = request(caller, action, resourceArn, context, resourcePolicy);
        return bounded(caller, request).toAuthorizerDecision(request);
    }

    private static boolean ownedByAnotherAccount(Caller caller, String resourceArn, Map<String, List<String>> context) {
        List<String> owner = context == null ? null : context.get(EvaluationRequest.RESOURCE_ACCOUNT);
        String account = owner != null && !owner.isEmpty() ? owner.get(0) : arnAccount(resourceArn);
        return !account.isEmpty() && !"aws".equals(account) && !"*".equals(account) && !account.equals(caller.accountId());
    }

    private static String arnAccount(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }

    /** The evaluator's full answer (decision and matched statements), for callers that show it. */
    public Evaluation evaluate(Caller caller, String action, String resourceArn,
                               Map<String, List<String>> context, Optional<String> resourcePolicy) {
        return bounded(caller, request(caller, action, resourceArn, context, resourcePolicy));
    }

    /** The evaluator's answer, capped by the caller's permissions boundary when it has one. */
    private Evaluation bounded(Caller caller, EvaluationRequest request) {
        Evaluation evaluation = evaluator.evaluate(request);
        List<NamedPolicy> boundary = caller instanceof Caller.Anonymous ? List.of() : identities.boundaryOf(caller);
        return PermissionsBoundary.apply(evaluator, request, evaluation, boundary).evaluation();
    }

    private EvaluationRequest request(Caller caller, String action, String resourceArn,
                                          Map<String, List<String>> context, Optional<String> resourcePolicy) {
        List<NamedPolicy> policies = caller instanceof Caller.Anonymous ? List.of() : identities.policiesOf(caller);
        Optional<NamedPolicy> resource = resourcePolicy.flatMap(json -> document(json, kindFor(action, resourceArn)))
                .map(doc -> new NamedPolicy(resourcePolicySource(action, resourceArn), doc));
        return new EvaluationRequest(action, resourceArn, policies, resource, caller, context);
    }

    /** A role's trust policy is judged by the trust rules; every other resource policy by the resource rules. */
    static PolicyKind kindFor(String action, String resourceArn) {
        boolean role = Arns.parse(resourceArn).filter(a -> a.service().equals("iam") && a.resourceAsString().startsWith("role/")).isPresent();
        return role && action.regionMatches(true, 0, "sts:", 0, 4) ? PolicyKind.TRUST : PolicyKind.RESOURCE;
    }

    private static String resourcePolicySource(String action, String resourceArn) {
        return kindFor(action, resourceArn) == PolicyKind.TRUST ? "trust policy of " + resourceArn : "resource policy of " + resourceArn;
    }

    /**
     * A stored resource policy was valid when it was stored; one that no longer parses (or a
     * kind mismatch) counts as absent rather than failing every request to the resource.
     */
    private Optional<PolicyDocument> document(String json, PolicyKind kind) {
        String key = kind + "\n" + json;
        Optional<PolicyDocument> cached = parsed.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<PolicyDocument> document;
        try {
            document = Optional.of(PolicyDocument.parse(json, kind));
        } catch (AwsException malformed) {
            try {
                document = Optional.of(PolicyDocument.parse(json, PolicyKind.ANY));
            } catch (AwsException stillMalformed) {
                document = Optional.empty();
            }
        }
        if (parsed.size() >= MAX_CACHED_DOCUMENTS) {
            parsed.clear();
        }
        parsed.put(key, document);
        return document;
    }
}
