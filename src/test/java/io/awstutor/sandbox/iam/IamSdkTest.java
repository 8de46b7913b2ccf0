package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM through the real SDK for Java over HTTP, as a learner's snippet meets it. */
class IamSdkTest {
    private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String TRUST_EC2 = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", "
            + "\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]\n}";
    private static TestSandbox box;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        iam = box.iam();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void getUserAsRootAnswersWithTheAccount() {
        User root = iam.getUser().user();
        assertEquals("000000000000", root.userId());
        assertEquals("arn:aws:iam::000000000000:root", root.arn());
        assertNotNull(root.createDate());
        assertNull(root.userName());
    }

    @Test
    void createsGetsListsAndDeletesUsers() {
        String name = unique("alice");
        User created = iam.createUser(r -> r.userName(name).path("/team/").tags(t -> t.key("k").value("v"))).user();
        assertEquals("arn:aws:iam::000000000000:user/team/" + name, created.arn());
        assertTrue(created.userId().matches("AIDA[A-Z2-7]{17}"));
        assertEquals(List.of("k"), created.tags().stream().map(t -> t.key()).toList());
        assertEquals(created.userId(), iam.getUser(r -> r.userName(name)).user().userId());
        assertTrue(iam.listUsers(r -> r.pathPrefix("/team/")).users().stream().anyMatch(u -> u.userName().equals(name)));

        EntityAlreadyExistsException dup = assertThrows(EntityAlreadyExistsException.class, () -> iam.createUser(r -> r.userName(name)));
        assertEquals(409, dup.statusCode());
        assertEquals("EntityAlreadyExists", dup.awsErrorDetails().errorCode());
        assertEquals("User with name " + name + " already exists.", dup.awsErrorDetails().errorMessage());

        iam.deleteUser(r -> r.userName(name));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName(name)));
        assertEquals(404, gone.statusCode());
        assertEquals("The user with name " + name + " cannot be found.", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void badNamesAreValidationErrors() {
        AwsServiceException bad = assertThrows(AwsServiceException.class, () -> iam.createUser(r -> r.userName("no spaces allowed")));
        assertEquals(400, bad.statusCode());
        assertEquals("ValidationError", bad.awsErrorDetails().errorCode());
        assertTrue(bad.awsErrorDetails().errorMessage().contains("regular expression pattern"), bad.awsErrorDetails().errorMessage());
    }

    @Test
    void aThirdAccessKeyIsRefusedAndKeysSignRequests() {
        String name = unique("keys");
        iam.createUser(r -> r.userName(name));
        AccessKey first = iam.createAccessKey(r -> r.userName(name)).accessKey();
        iam.createAccessKey(r -> r.userName(name));
        LimitExceededException third = assertThrows(LimitExceededException.class, () -> iam.createAccessKey(r -> r.userName(name)));
        assertEquals(409, third.statusCode());
        assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", third.awsErrorDetails().errorMessage());
        assertTrue(iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata().stream().allMatch(k -> k.status() == StatusType.ACTIVE));

        GetCallerIdentityResponse me = box.sts(TestSandbox.credentials(first.accessKeyId(), first.secretAccessKey())).getCallerIdentity();
        assertEquals("arn:aws:iam::000000000000:user/" + name, me.arn());
        var lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId(first.accessKeyId()));
        assertEquals(name, lastUsed.userName());
        assertEquals("sts", lastUsed.accessKeyLastUsed().serviceName());
        assertEquals("us-east-1", lastUsed.accessKeyLastUsed().region());
        assertNotNull(lastUsed.accessKeyLastUsed().lastUsedDate());

        iam.updateAccessKey(r -> r.userName(name).accessKeyId(first.accessKeyId()).status(StatusType.INACTIVE));
        AwsServiceException refused = assertThrows(AwsServiceException.class,
                () -> box.sts(TestSandbox.credentials(first.accessKeyId(), first.secretAccessKey())).getCallerIdentity());
        assertEquals(403, refused.statusCode());
    }

    @Test
    void deleteConflictWhileTheUserHasKeys() {
        String name = unique("conflict");
        iam.createUser(r -> r.userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(r -> r.userName(name)));
        assertEquals(409, conflict.statusCode());
        assertEquals("Cannot delete entity, must delete access keys first.", conflict.awsErrorDetails().errorMessage());
        iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        iam.deleteUser(r -> r.userName(name));
    }

    @Test
    void paginatorWalksEveryPage() {
        String prefix = "/" + unique("page") + "/";
        for (int i = 0; i < 7; i++) {
            int n = i;
            iam.createUser(r -> r.userName("p" + n + "-" + prefix.substring(1, prefix.length() - 1)).path(prefix));
        }
        List<String> names = iam.listUsersPaginator(r -> r.pathPrefix(prefix).maxItems(3)).users().stream()
                .map(User::userName).collect(Collectors.toList());
        assertEquals(7, names.size());
        assertEquals(3, iam.listUsers(r -> r.pathPrefix(prefix).maxItems(3)).users().size());
        assertTrue(iam.listUsers(r -> r.pathPrefix(prefix).maxItems(3)).isTruncated());
    }

    @Test
    void policyVersionsStopAtFive() {
        String arn = iam.createPolicy(r -> r.policyName(unique("s3")).policyDocument(ALLOW_S3)).policy().arn();
        for (int i = 0; i < 4; i++) {
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_S3).setAsDefault(true));
        }
        LimitExceededException sixth = assertThrows(LimitExceededException.class,
                () -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_S3)));
        assertTrue(sixth.awsErrorDetails().errorMessage().startsWith("A managed policy can have up to 5 versions."));
        assertEquals("v5", iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId());
        String document = iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v5")).policyVersion().document();
        assertEquals(ALLOW_S3, URLDecoder.decode(document, StandardCharsets.UTF_8), "documents come back URL-encoded");
    }

    @Test
    void rolesKeepTheirTrustPolicyVerbatimAndUrlEncoded() {
        String name = unique("web");
        Role role = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2).maxSessionDuration(7200)).role();
        assertTrue(role.roleId().startsWith("AROA"));
        assertEquals(7200, role.maxSessionDuration());
        String encoded = iam.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument();
        assertFalse(encoded.contains("{"), encoded);
        assertFalse(encoded.contains("+"), "spaces are %20, as in RFC 3986");
        assertEquals(TRUST_EC2, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(r -> r.roleName(unique("bad")).assumeRolePolicyDocument(ALLOW_S3)));
        assertEquals(400, malformed.statusCode());
    }

    @Test
    void awsManagedPoliciesHaveTheirRealArns() {
        assertEquals("AdministratorAccess", iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/AdministratorAccess")).policy().policyName());
        String name = unique("admin");
        iam.createUser(r -> r.userName(name));
        iam.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        assertEquals(List.of("IAMReadOnlyAccess"), iam.listAttachedUserPolicies(r -> r.userName(name)).attachedPolicies()
                .stream().map(p -> p.policyName()).toList());
        assertThrows(NoSuchEntityException.class,
                () -> iam.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")));
    }

    @Test
    void simulateCustomPolicyAnswersLikeTheSimulator() {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}";
        List<EvaluationResult> results = iam.simulateCustomPolicy(r -> r.policyInputList(ALLOW_S3, deny)
                .actionNames("s3:GetObject", "s3:DeleteObject", "ec2:RunInstances")).evaluationResults();
        assertEquals(List.of("allowed", "explicitDeny", "implicitDeny"), results.stream().map(EvaluationResult::evalDecisionAsString).toList());
        assertEquals("PolicyInputList.2", results.get(1).matchedStatements().get(0).sourcePolicyId());
        assertTrue(results.get(2).matchedStatements().isEmpty());
    }

    @Test
    void simulatePrincipalPolicyUsesTheUsersPolicies() {
        String name = unique("sim");
        iam.createUser(r -> r.userName(name));
        String group = unique("readers");
        iam.createGroup(r -> r.groupName(group));
        iam.addUserToGroup(r -> r.groupName(group).userName(name));
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        String arn = iam.getUser(r -> r.userName(name)).user().arn();
        List<EvaluationResult> results = iam.simulatePrincipalPolicy(r -> r.policySourceArn(arn)
                .actionNames("s3:GetObject", "s3:PutObject")).evaluationResults();
        assertEquals("allowed", results.get(0).evalDecisionAsString());
        assertEquals("AmazonS3ReadOnlyAccess", results.get(0).matchedStatements().get(0).sourcePolicyId());
        assertEquals("aws-managed", results.get(0).matchedStatements().get(0).sourcePolicyTypeAsString());
        assertEquals("implicitDeny", results.get(1).evalDecisionAsString());
    }

    @Test
    void permissionsBoundaryLimitsWhatPoliciesAllow() {
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";
        List<EvaluationResult> results = iam.simulateCustomPolicy(r -> r.policyInputList(ALLOW_S3)
                .permissionsBoundaryPolicyInputList(boundary).actionNames("s3:GetObject", "s3:PutObject")).evaluationResults();
        assertEquals("allowed", results.get(0).evalDecisionAsString());
        assertTrue(results.get(0).permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
        assertEquals("implicitDeny", results.get(1).evalDecisionAsString());
        assertFalse(results.get(1).permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    }

    @Test
    void accountAliasAndSummary() {
        iam.createAccountAlias(r -> r.accountAlias("awstutor-sandbox"));
        assertEquals(List.of("awstutor-sandbox"), iam.listAccountAliases().accountAliases());
        assertThrows(AwsServiceException.class, () -> iam.createAccountAlias(r -> r.accountAlias("Not_Valid")));
        String name = unique("counted");
        int before = iam.getAccountSummary().summaryMapAsStrings().get("Users");
        iam.createUser(r -> r.userName(name));
        assertEquals(before + 1, iam.getAccountSummary().summaryMapAsStrings().get("Users"));
        assertEquals(2, iam.getAccountSummary().summaryMapAsStrings().get("AccessKeysPerUserQuota"));
        iam.deleteAccountAlias(r -> r.accountAlias("awstutor-sandbox"));
        assertTrue(iam.listAccountAliases().accountAliases().isEmpty());
    }

    @Test
    void groupsInstanceProfilesAndLoginProfilesOverTheWire() {
        String user = unique("member");
        String group = unique("team");
        iam.createUser(r -> r.userName(user));
        iam.createGroup(r -> r.groupName(group).path("/teams/"));
        iam.addUserToGroup(r -> r.groupName(group).userName(user));
        assertEquals(List.of(user), iam.getGroup(r -> r.groupName(group)).users().stream().map(User::userName).toList());
        assertEquals(group, iam.listGroupsForUser(r -> r.userName(user)).groups().get(0).groupName());

        String role = unique("app");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        String profile = unique("app-profile");
        iam.createInstanceProfile(r -> r.instanceProfileName(profile));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
        assertEquals(role, iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles().get(0).roleName());
        DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteRole(r -> r.roleName(role)));
        assertEquals("Cannot delete entity, must remove roles from instance profile first.", conflict.awsErrorDetails().errorMessage());

        iam.createLoginProfile(r -> r.userName(user).password("Tutor-Pass-42").passwordResetRequired(true));
        assertTrue(iam.getLoginProfile(r -> r.userName(user)).loginProfile().passwordResetRequired());
        AwsServiceException weak = assertThrows(AwsServiceException.class,
                () -> iam.updateLoginProfile(r -> r.userName(user).password("weak")));
        assertEquals("PasswordPolicyViolation", weak.awsErrorDetails().errorCode());
    }
}
