package io.awstutor.sandbox.iam.policy;

/**
 * One line telling a learner why a request was decided as it was, e.g.
 * "denied: statement 'DenyAll' of arn:aws:iam::000000000000:policy/NoIam explicitly denies iam:CreateUser"
 * or "no statement allows s3:PutObject on arn:aws:s3:::b/k". Built on demand, never on the hot path.
 */
public final class Explanation {
    private Explanation() {}

    public static String of(EvaluationRequest request, Evaluation evaluation) {
        String action = request.action();
        String on = "*".equals(request.resourceArn()) ? "" : " on " + request.resourceArn();
        switch (evaluation.decision()) {
            case EXPLICIT_DENY: {
                MatchedStatement m = evaluation.matched().isEmpty() ? null : evaluation.matched().get(0);
                String line = m == null ? "denied: an explicit deny applies to " + action + on
                        : "denied: statement " + m.label() + " of " + m.sourceId() + " explicitly denies " + action + on;
                return evaluation.note() == null ? line : line + " (" + evaluation.note() + ")";
            }
            case ALLOWED: {
                if (evaluation.matched().isEmpty()) return "allowed: " + action + on;
                MatchedStatement m = evaluation.matched().get(0);
                return "allowed: statement " + m.label() + " of " + m.sourceId() + " allows " + action + on;
            }
            default: {
                String line = "no statement allows " + action + on;
                return evaluation.note() == null ? line : line + " (" + evaluation.note() + ")";
            }
        }
    }
}
