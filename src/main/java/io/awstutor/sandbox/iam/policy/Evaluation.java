package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Authorizer;

import java.util.List;

/**
 * The evaluator's answer: the decision and the statements that made it (the deny statements for
 * an explicit deny, the allow statements for an allow, none for an implicit deny), and what
 * kind of policy decided it. {@code note} says why an implicit deny happened despite a matching
 * allow (cross-account rules, a permissions boundary), or is null.
 */
public record Evaluation(Decision decision, List<MatchedStatement> matched, String note, Authorizer.Basis basis) {

    public Evaluation {
        matched = List.copyOf(matched);
    }

    /** The sandbox's authorization answer, with the explanation as its reason. */
    public Authorizer.Decision toAuthorizerDecision(EvaluationRequest request) {
        return new Authorizer.Decision(allowed(), decision == Decision.EXPLICIT_DENY, basis, explain(request));
    }

    public boolean allowed() { return decision == Decision.ALLOWED; }

    /** One line for a human: see {@link Explanation}. */
    public String explain(EvaluationRequest request) {
        return Explanation.of(request, this);
    }
}
