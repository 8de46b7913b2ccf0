package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Authorizer;

import java.util.List;

/**
 * The evaluator's answer: the decision and the statements that made it (the deny statements for
 * an explicit deny, the allow statements for an allow, none for an implicit deny). {@code note}
 * says why an implicit deny happened despite a matching allow (cross-account rules), or is null.
 */
public record Evaluation(Decision decision, List<MatchedStatement> matched, String note) {

    public Evaluation {
        matched = List.copyOf(matched);
    }

    public Evaluation(Decision decision, List<MatchedStatement> matched) {
        this(decision, matched, null);
    }

    public boolean allowed() { return decision == Decision.ALLOWED; }

    /** The sandbox's authorization answer, with the explanation as its reason. */
    public Authorizer.Decision toAuthorizerDecision(EvaluationRequest request) {
        String reason = explain(request);
        return switch (decision) {
            case ALLOWED -> Authorizer.Decision.allow(reason);
            case EXPLICIT_DENY -> Authorizer.Decision.explicitDeny(reason);
            case IMPLICIT_DENY -> Authorizer.Decision.implicitDeny(reason);
        };
    }

    /** One line for a human: see {@link Explanation}. */
    public String explain(EvaluationRequest request) {
        return Explanation.of(request, this);
    }
}
