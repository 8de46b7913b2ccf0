package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluator's API beyond decisions: explanations, matched statements, simulator helpers. */
class PolicyEvaluatorTest {
    private static final Caller ALICE = new Caller.User("000000000000", "alice", "/", "AIDAALICE");
    private static final Caller CAROL = new Caller.User("111111111111", "carol", "/", "AIDACAROL");
    private static final NamedPolicy ADMIN = new NamedPolicy("arn:aws:iam::aws:policy/AdministratorAccess", PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY));
    private static final NamedPolicy DENY = new NamedPolicy("user/alice inline NoUsers", PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"DenyAll\",\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}}",
            PolicyKind.IDENTITY));

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void explainsAnExplicitDeny() {
        EvaluationRequest req = EvaluationRequest.of("iam:CreateUser", "arn:aws:iam::000000000000:user/bob", ALICE, List.of(ADMIN, DENY));
        Evaluation e = evaluator.evaluate(req);
        assertEquals(Decision.EXPLICIT_DENY, e.decision());
        assertEquals(List.of(new MatchedStatement("user/alice inline NoUsers", "DenyAll", 0, "Deny")), e.matched());
        assertEquals("denied: statement 'DenyAll' of user/alice inline NoUsers explicitly denies iam:CreateUser on arn:aws:iam::000000000000:user/bob",
                e.explain(req));
        Authorizer.Decision d = e.toAuthorizerDecision(req);
        assertFalse(d.allowed());
        assertTrue(d.explicitDeny());
    }

    @Test
    void explainsAnAllowAndAnImplicitDeny() {
        EvaluationRequest list = EvaluationRequest.of("IAM:listusers", "*", ALICE, List.of(ADMIN, DENY));
        Evaluation allowed = evaluator.evaluate(list);
        assertEquals(Decision.ALLOWED, allowed.decision());
        assertEquals("allowed: statement #1 of arn:aws:iam::aws:policy/AdministratorAccess allows IAM:listusers", allowed.explain(list));
        assertTrue(allowed.toAuthorizerDecision(list).allowed());

        EvaluationRequest put = EvaluationRequest.of("s3:PutObject", "arn:aws:s3:::b/k", ALICE, List.of(DENY));
        Evaluation none = evaluator.evaluate(put);
        assertEquals(Decision.IMPLICIT_DENY, none.decision());
        assertEquals("no statement allows s3:PutObject on arn:aws:s3:::b/k", none.explain(put));
        Authorizer.Decision d = none.toAuthorizerDecision(put);
        assertFalse(d.allowed() || d.explicitDeny());
    }

    @Test
    void explainsWhyACrossAccountAllowIsNotEnough() {
        NamedPolicy bucket = new NamedPolicy("bucket policy of b", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                PolicyKind.RESOURCE));
        EvaluationRequest req = new EvaluationRequest("s3:GetObject", "arn:aws:s3:::b/k", List.of(), Optional.of(bucket), CAROL,
                Map.of(EvaluationRequest.RESOURCE_ACCOUNT, List.of("000000000000")));
        Evaluation e = evaluator.evaluate(req);
        assertEquals(Decision.IMPLICIT_DENY, e.decision());
        assertEquals("no statement allows s3:GetObject on arn:aws:s3:::b/k (cross-account: the resource policy allows, "
                + "but no identity-based policy of the caller does)", e.explain(req));
    }

    @Test
    void simulatorNamesOfDecisions() {
        assertEquals("allowed", Decision.ALLOWED.simulatorName());
        assertEquals("explicitDeny", Decision.EXPLICIT_DENY.simulatorName());
        assertEquals("implicitDeny", Decision.IMPLICIT_DENY.simulatorName());
        assertEquals(Decision.EXPLICIT_DENY, Decision.fromSimulatorName("explicitDeny"));
    }

    @Test
    void conditionKeysForMissingContextValues() {
        PolicyDocument d = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\",\"aws:SourceIp\":\"x\"}}}]}");
        assertEquals(List.of("aws:SourceIp", "aws:RequestedRegion"), new ArrayList<>(d.conditionKeys()));
        assertEquals(Set.of(), ADMIN.document().conditionKeys());
    }

    @Test
    void evaluatesConcurrentlyWithSharedDocuments() throws Exception {
        NamedPolicy home = new NamedPolicy("home", PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/home/${aws:username}/*\"}]}", PolicyKind.IDENTITY));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = "u" + t;
                Caller caller = new Caller.User("000000000000", user, "/", "AIDA" + t);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        if (!evaluator.evaluate(EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/home/" + user + "/f", caller, List.of(home))).allowed()) return false;
                        if (evaluator.evaluate(EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/home/other/f", caller, List.of(home))).allowed()) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
