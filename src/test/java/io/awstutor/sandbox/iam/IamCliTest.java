package io.awstutor.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM through the AWS CLI (botocore: its own signer, parser and policy-document decoding). */
class IamCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        ExternalTools.aws();
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    private static ExternalTools.Result aws(String... args) {
        return ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", args);
    }

    private static JsonNode ok(String... args) throws IOException {
        ExternalTools.Result result = aws(args);
        assertEquals(0, result.exitCode(), result.toString());
        return JSON.readTree(result.stdout());
    }

    /** A trust policy may name only users and roles of the account that exist, as IAM resolves them on storing. */
    @Test
    void trustPoliciesNameExistingPrincipals() throws IOException {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:user/cli-trusted\"},\"Action\":\"sts:AssumeRole\"}]}";
        ExternalTools.Result refused = aws("iam", "create-role", "--role-name", "cli-trusting", "--assume-role-policy-document", trust);
        assertTrue(refused.stderr().contains("An error occurred (MalformedPolicyDocument) when calling the CreateRole operation: "
                + "Invalid principal in policy: \"AWS\":\"arn:aws:iam::000000000000:user/cli-trusted\""), refused.toString());
        ok("iam", "create-user", "--user-name", "cli-trusted");
        ok("iam", "create-role", "--role-name", "cli-trusting", "--assume-role-policy-document", trust);
        ExternalTools.Result update = aws("iam", "update-assume-role-policy", "--role-name", "cli-trusting", "--policy-document",
                trust.replace("user/cli-trusted", "role/cli-missing"));
        assertTrue(update.stderr().contains("Invalid principal in policy: \"AWS\":\"arn:aws:iam::000000000000:role/cli-missing\""),
                update.toString());
        // another account's principals are taken as written
        ok("iam", "update-assume-role-policy", "--role-name", "cli-trusting", "--policy-document",
                trust.replace("000000000000:user/cli-trusted", "111122223333:user/someone"));
    }

    /** ListEntitiesForPolicy filters by kind, path and usage (permissions policy or boundary), and pages. */
    @Test
    void entitiesForPolicyFilterAndPage() throws IOException {
        String arn = "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess";
        for (String name : new String[] {"cli-e1", "cli-e2", "cli-e3"}) {
            ok("iam", "create-user", "--user-name", name, "--path", name.equals("cli-e3") ? "/ops/" : "/");
            ok("iam", "attach-user-policy", "--user-name", name, "--policy-arn", arn);
        }
        ok("iam", "create-group", "--group-name", "cli-eg");
        ok("iam", "attach-group-policy", "--group-name", "cli-eg", "--policy-arn", arn);
        ok("iam", "put-user-permissions-boundary", "--user-name", "cli-e1", "--permissions-boundary", arn);
        JsonNode all = ok("iam", "list-entities-for-policy", "--policy-arn", arn, "--page-size", "2");
        assertEquals("[{\"GroupName\":\"cli-eg\"}]", names(all.get("PolicyGroups"), "GroupName"));
        assertEquals("[{\"UserName\":\"cli-e1\"},{\"UserName\":\"cli-e2\"},{\"UserName\":\"cli-e3\"}]", names(all.get("PolicyUsers"), "UserName"));
        JsonNode ops = ok("iam", "list-entities-for-policy", "--policy-arn", arn, "--entity-filter", "User", "--path-prefix", "/ops/");
        assertEquals("[{\"UserName\":\"cli-e3\"}]", names(ops.get("PolicyUsers"), "UserName"));
        assertEquals(0, ops.get("PolicyGroups").size());
        JsonNode bounded = ok("iam", "list-entities-for-policy", "--policy-arn", arn, "--policy-usage-filter", "PermissionsBoundary");
        assertEquals("[{\"UserName\":\"cli-e1\"}]", names(bounded.get("PolicyUsers"), "UserName"));
        ExternalTools.Result bogus = aws("iam", "list-entities-for-policy", "--policy-arn", arn, "--entity-filter", "Bogus");
        assertTrue(bogus.stderr().contains("(ValidationError)") && bogus.stderr().contains("Value 'Bogus' at 'entityFilter'"), bogus.toString());
    }

    private static String names(JsonNode list, String field) {
        StringBuilder out = new StringBuilder("[");
        list.forEach(item -> out.append(out.length() > 1 ? "," : "").append("{\"").append(field).append("\":\"")
                .append(item.get(field).asText()).append("\"}"));
        return out.append("]").toString();
    }

    @Test
    void getUserAsRoot() throws IOException {
        JsonNode user = ok("iam", "get-user").get("User");
        assertEquals("000000000000", user.get("UserId").asText());
        assertEquals("arn:aws:iam::000000000000:root", user.get("Arn").asText());
    }

    @Test
    void usersKeysAndErrors() throws IOException {
        JsonNode created = ok("iam", "create-user", "--user-name", "cli-alice", "--path", "/cli/").get("User");
        assertEquals("arn:aws:iam::000000000000:user/cli/cli-alice", created.get("Arn").asText());
        assertTrue(ok("iam", "list-users", "--path-prefix", "/cli/").get("Users").toString().contains("cli-alice"));

        ExternalTools.Result dup = aws("iam", "create-user", "--user-name", "cli-alice");
        assertNotEquals(0, dup.exitCode());
        assertTrue(dup.stderr().contains("(EntityAlreadyExists)") && dup.stderr().contains("User with name cli-alice already exists."), dup.stderr());

        ok("iam", "attach-user-policy", "--user-name", "cli-alice", "--policy-arn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        ok("iam", "create-access-key", "--user-name", "cli-alice");
        JsonNode second = ok("iam", "create-access-key", "--user-name", "cli-alice").get("AccessKey");
        ExternalTools.Result third = aws("iam", "create-access-key", "--user-name", "cli-alice");
        assertTrue(third.stderr().contains("(LimitExceeded)") && third.stderr().contains("Cannot exceed quota for AccessKeysPerUser: 2"), third.stderr());

        ExternalTools.Result asAlice = ExternalTools.runAws(box.endpoint(), second.get("AccessKeyId").asText(),
                second.get("SecretAccessKey").asText(), "us-east-1", "iam", "get-user");
        assertEquals(0, asAlice.exitCode(), asAlice.toString());
        assertEquals("cli-alice", JSON.readTree(asAlice.stdout()).get("User").get("UserName").asText());
        ExternalTools.Result create = ExternalTools.runAws(box.endpoint(), second.get("AccessKeyId").asText(),
                second.get("SecretAccessKey").asText(), "us-east-1", "iam", "create-user", "--user-name", "cli-bob");
        assertTrue(create.stderr().contains("(AccessDenied)") && create.stderr().contains(
                "User: arn:aws:iam::000000000000:user/cli/cli-alice is not authorized to perform: iam:CreateUser on resource: "
                        + "arn:aws:iam::000000000000:user/cli-bob"), create.stderr());

        ExternalTools.Result missing = aws("iam", "get-user", "--user-name", "cli-nobody");
        assertTrue(missing.stderr().contains("(NoSuchEntity)") && missing.stderr().contains("The user with name cli-nobody cannot be found."), missing.stderr());
    }

    @Test
    void policyDocumentsDecodeAsBotocoreExpects() throws IOException {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        ok("iam", "create-role", "--role-name", "cli-web", "--assume-role-policy-document", trust);
        JsonNode role = ok("iam", "get-role", "--role-name", "cli-web").get("Role");
        // botocore URL-decodes and parses the document: a JSON object, not a string.
        assertEquals("ec2.amazonaws.com", role.get("AssumeRolePolicyDocument").get("Statement").get(0).get("Principal").get("Service").asText());
        JsonNode version = ok("iam", "get-policy-version", "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess",
                "--version-id", "v1").get("PolicyVersion");
        assertEquals("*", version.get("Document").get("Statement").get(0).get("Action").asText());

        // UpdateRole answers an empty <UpdateRoleResult/>, without which botocore cannot parse the reply
        ok("iam", "update-role", "--role-name", "cli-web", "--description", "web servers", "--max-session-duration", "7200");
        JsonNode updated = ok("iam", "get-role", "--role-name", "cli-web").get("Role");
        assertEquals("web servers", updated.get("Description").asText());
        assertEquals(7200, updated.get("MaxSessionDuration").asInt());
    }

    @Test
    void simulateCustomPolicy() throws IOException {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        JsonNode results = ok("iam", "simulate-custom-policy", "--policy-input-list", policy,
                "--action-names", "s3:GetObject", "s3:PutObject", "--resource-arns", "arn:aws:s3:::b/k").get("EvaluationResults");
        assertEquals("allowed", results.get(0).get("EvalDecision").asText());
        assertEquals("implicitDeny", results.get(1).get("EvalDecision").asText());
    }
}
