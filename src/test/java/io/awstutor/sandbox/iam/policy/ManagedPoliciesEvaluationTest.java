package io.awstutor.sandbox.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.auth.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS managed policies the sandbox ships (IAM's catalog) parse as managed policies and decide as on AWS. */
class ManagedPoliciesEvaluationTest {
    private static final String CATALOG = "/io/awstutor/sandbox/iam/aws-managed-policies.json";
    private static final Caller ALICE = new Caller.User("000000000000", "alice", "/", "AIDAALICE");
    private static final Map<String, NamedPolicy> POLICIES = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ManagedPoliciesEvaluationTest.class.getResourceAsStream(CATALOG)) {
            assertNotNull(in, "IAM's managed policy catalog " + CATALOG);
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode p : root.get("policies")) {
                String name = p.get("name").asText();
                String json = p.get("document").toString();
                POLICIES.put(name, new NamedPolicy("arn:aws:iam::aws:policy/" + name, PolicyDocument.parse(json, PolicyKind.MANAGED)));
            }
        }
    }

    @Test
    void everyManagedPolicyParses() {
        assertTrue(POLICIES.size() >= 12, "managed policies: " + POLICIES.keySet());
    }

    @ParameterizedTest(name = "{0}: {1} on {2} = {3}")
    @CsvSource(delimiter = '|', value = {
            "AdministratorAccess|iam:CreateUser|arn:aws:iam::000000000000:user/bob|ALLOWED",
            "PowerUserAccess|ec2:RunInstances|arn:aws:ec2:us-east-1:000000000000:instance/i-1|ALLOWED",
            "PowerUserAccess|iam:CreateUser|arn:aws:iam::000000000000:user/bob|IMPLICIT_DENY",
            "IAMReadOnlyAccess|iam:ListUsers|arn:aws:iam::000000000000:user/|ALLOWED",
            "IAMReadOnlyAccess|iam:CreateUser|arn:aws:iam::000000000000:user/bob|IMPLICIT_DENY",
            "IAMFullAccess|iam:CreateUser|arn:aws:iam::000000000000:user/bob|ALLOWED",
            "AmazonS3ReadOnlyAccess|s3:GetObject|arn:aws:s3:::b/k|ALLOWED",
            "AmazonS3ReadOnlyAccess|s3:PutObject|arn:aws:s3:::b/k|IMPLICIT_DENY",
            "AmazonS3FullAccess|s3:PutObject|arn:aws:s3:::b/k|ALLOWED",
            "AmazonEC2ReadOnlyAccess|ec2:DescribeInstances|*|ALLOWED",
            "AmazonEC2ReadOnlyAccess|ec2:RunInstances|arn:aws:ec2:us-east-1:000000000000:instance/i-1|IMPLICIT_DENY",
            "ReadOnlyAccess|s3:GetObject|arn:aws:s3:::b/k|ALLOWED",
            "ReadOnlyAccess|iam:DeleteUser|arn:aws:iam::000000000000:user/bob|IMPLICIT_DENY",
    })
    void decidesAsOnAws(String policy, String action, String resource, Decision expected) {
        NamedPolicy p = POLICIES.get(policy);
        assertNotNull(p, policy + " in the catalog");
        Evaluation e = new PolicyEvaluator().evaluate(EvaluationRequest.of(action, resource, ALICE, List.of(p)));
        assertEquals(expected, e.decision());
    }
}
