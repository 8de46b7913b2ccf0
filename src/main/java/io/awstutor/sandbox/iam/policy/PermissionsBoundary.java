package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Authorizer;

import java.util.List;
import java.util.Optional;

/**
 * AWS's rule for a permissions boundary ("Permissions boundaries for IAM entities"): the
 * boundary caps what the identity-based policies may grant. A request the identity policies
 * allow stays allowed only if the boundary allows it too, unless a resource-based policy
 * allows it by itself (naming the principal directly), which the boundary does not limit. A
 * deny in the boundary is an explicit deny. The simulator and the enforcement both decide
 * through here, so what the simulator says is what the sandbox does.
 */
public final class PermissionsBoundary {
    /** The note an implicit deny carries when the boundary decided it. */
    public static final String NOTE_PREFIX = "the permissions boundary ";

    private PermissionsBoundary() {
    }

    /** The final evaluation, and whether the boundary allowed (empty when there is none). */
    public record Outcome(Evaluation evaluation, Optional<Boolean> allowedByBoundary) {
    }

    /**
     * @param evaluation the evaluator's answer for {@code request} without the boundary
     * @param boundary   the boundary policy (none, or one; a simulation may pass several)
     */
    public static Outcome apply(PolicyEvaluator evaluator, EvaluationRequest request, Evaluation evaluation,
                                List<NamedPolicy> boundary) {
        if (boundary.isEmpty()) {
            return new Outcome(evaluation, Optional.empty());
        }
        Evaluation limit = evaluator.evaluate(new EvaluationRequest(request.action(), request.resourceArn(), boundary,
                Optional.empty(), request.caller(), request.context()));
        Optional<Boolean> allowed = Optional.of(limit.allowed());
        if (evaluation.decision() == Decision.EXPLICIT_DENY) {
            return new Outcome(evaluation, allowed);
        }
        String names = String.join(", ", boundary.stream().map(NamedPolicy::sourceId).toList());
        if (limit.decision() == Decision.EXPLICIT_DENY) {
            return new Outcome(new Evaluation(Decision.EXPLICIT_DENY, limit.matched(), NOTE_PREFIX + names + " denies it",
                    Authorizer.Basis.PERMISSIONS_BOUNDARY), allowed);
        }
        if (evaluation.allowed() && !limit.allowed()) {
            Evaluation resourceAlone = request.resourcePolicy().isEmpty() ? null
                    : evaluator.evaluate(new EvaluationRequest(request.action(), request.resourceArn(), List.of(),
                    request.resourcePolicy(), request.caller(), request.context()));
            if (resourceAlone != null && resourceAlone.allowed()) {
                return new Outcome(resourceAlone, allowed);
            }
            return new Outcome(new Evaluation(Decision.IMPLICIT_DENY, List.of(),
                    NOTE_PREFIX + names + " does not allow it", Authorizer.Basis.PERMISSIONS_BOUNDARY), allowed);
        }
        return new Outcome(evaluation, allowed);
    }
}
