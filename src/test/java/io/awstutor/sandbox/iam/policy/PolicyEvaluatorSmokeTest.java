package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyEvaluatorSmokeTest {
    private static final Caller ALICE = new Caller.User("000000000000", "alice", "/", "AIDAALICE");

    @Test
    void explicitDenyBeatsAdministratorAccess() {
        NamedPolicy admin = new NamedPolicy("arn:aws:iam::aws:policy/AdministratorAccess", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                PolicyKind.IDENTITY));
        NamedPolicy deny = new NamedPolicy("user/alice inline NoUsers", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"DenyAll\",\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY));
        EvaluationRequest req = EvaluationRequest.of("iam:CreateUser", "arn:aws:iam::000000000000:user/bob", ALICE, List.of(admin, deny));
        Evaluation e = new PolicyEvaluator().evaluate(req);
        assertEquals(Decision.EXPLICIT_DENY, e.decision());
        assertEquals("denied: statement 'DenyAll' of user/alice inline NoUsers explicitly denies iam:CreateUser on arn:aws:iam::000000000000:user/bob",
                e.explain(req));
        EvaluationRequest list = EvaluationRequest.of("IAM:listusers", "arn:aws:iam::000000000000:user/", ALICE, List.of(admin, deny));
        assertEquals(Decision.ALLOWED, new PolicyEvaluator().evaluate(list).decision());
        EvaluationRequest none = EvaluationRequest.of("s3:PutObject", "arn:aws:s3:::b/k", ALICE, List.of(deny));
        Evaluation n = new PolicyEvaluator().evaluate(none);
        assertEquals(Decision.IMPLICIT_DENY, n.decision());
        assertEquals("no statement allows s3:PutObject on arn:aws:s3:::b/k", n.explain(none));
    }
}
