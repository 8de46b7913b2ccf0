package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyKind;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamEntitiesTest {
    private static final String ACCOUNT = "000000000000";
    private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private final IamBackend iam = new IamBackend(new SandboxContext(Clock.systemUTC(), 0, Optional.empty()));

    private static AwsException fails(String code, Executable action) {
        AwsException e = assertThrows(AwsException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void everyAwsManagedPolicyIsAValidIdentityPolicy() {
        List<String> names = iam.managedPolicies().list(ACCOUNT, "AWS", false, "/", Optional.empty(), Optional.empty())
                .items().stream().map(v -> v.policy().name()).toList();
        for (String required : List.of("AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess", "IAMFullAccess",
                "IAMReadOnlyAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2FullAccess",
                "AmazonEC2ReadOnlyAccess", "AmazonRDSFullAccess", "AmazonSESFullAccess", "CloudFrontFullAccess")) {
            assertTrue(names.contains(required), required);
            ManagedPolicies.PolicyView view = iam.managedPolicies().get(ACCOUNT, "arn:aws:iam::aws:policy/" + required);
            PolicyDocument.parse(view.policy().defaultVersion().document(), PolicyKind.IDENTITY);
        }
    }

    @Test
    void groupsHoldMembersAndRefuseDeletionWhileTheyDo() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        iam.groups().create(ACCOUNT, "devs", "/");
        iam.groups().addUser(ACCOUNT, "devs", "alice");
        assertEquals(List.of("devs"), iam.groups().groupsForUser(ACCOUNT, "alice", Optional.empty(), Optional.empty())
                .items().stream().map(IamGroup::name).toList());
        assertEquals("Cannot delete entity, must remove users from group first.",
                fails("DeleteConflict", () -> iam.users().delete(ACCOUNT, "alice")).getMessage());
        fails("DeleteConflict", () -> iam.groups().delete(ACCOUNT, "devs"));
        iam.groups().removeUser(ACCOUNT, "devs", "alice");
        iam.groups().delete(ACCOUNT, "devs");
        assertEquals("The group with name devs cannot be found.",
                fails("NoSuchEntity", () -> iam.groups().get(ACCOUNT, "devs", Optional.empty(), Optional.empty())).getMessage());
    }

    @Test
    void rolesValidateTheirTrustPolicyAndSessionLength() {
        IamRole role = iam.roles().create(ACCOUNT, "web", "/", TRUST_EC2, "web servers", Optional.empty(), List.of(), null);
        assertTrue(role.id().startsWith("AROA"));
        assertEquals(3600, role.maxSessionDuration());
        fails("MalformedPolicyDocument", () -> iam.roles().create(ACCOUNT, "bad", "/", "{not json", null, Optional.empty(), List.of(), null));
        fails("MalformedPolicyDocument", () -> iam.roles().create(ACCOUNT, "bad", "/", ALLOW_S3, null, Optional.empty(), List.of(), null));
        AwsException tooLong = fails("ValidationError", () -> iam.roles().create(ACCOUNT, "long", "/", TRUST_EC2, null,
                Optional.of(50000), List.of(), null));
        assertTrue(tooLong.getMessage().contains("maxSessionDuration"), tooLong.getMessage());
        fails("EntityAlreadyExists", () -> iam.roles().create(ACCOUNT, "WEB", "/", TRUST_EC2, null, Optional.empty(), List.of(), null));
    }

    @Test
    void policyVersionsStopAtFive() {
        ManagedPolicy policy = iam.managedPolicies().create(ACCOUNT, "s3-all", "/", ALLOW_S3, null, List.of());
        assertEquals("arn:aws:iam::000000000000:policy/s3-all", policy.arn());
        for (int i = 2; i <= 5; i++) {
            iam.managedPolicies().createVersion(ACCOUNT, policy.arn(), ALLOW_S3, i == 3);
        }
        AwsException sixth = fails("LimitExceeded", () -> iam.managedPolicies().createVersion(ACCOUNT, policy.arn(), ALLOW_S3, false));
        assertEquals(409, sixth.status());
        assertEquals("A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
                sixth.getMessage());
        assertEquals("v3", iam.managedPolicies().get(ACCOUNT, policy.arn()).policy().defaultVersionId());
        fails("DeleteConflict", () -> iam.managedPolicies().deleteVersion(ACCOUNT, policy.arn(), "v3"));
        iam.managedPolicies().deleteVersion(ACCOUNT, policy.arn(), "v1");
        iam.managedPolicies().createVersion(ACCOUNT, policy.arn(), ALLOW_S3, false);
        assertEquals(List.of("v6", "v5", "v4", "v3", "v2"), iam.managedPolicies()
                .listVersions(ACCOUNT, policy.arn(), Optional.empty(), Optional.empty())
                .items().stream().map(v -> v.version().versionId()).toList());
    }

    @Test
    void attachedPoliciesBlockDeletionAndCount() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        ManagedPolicy policy = iam.managedPolicies().create(ACCOUNT, "s3-all", "/", ALLOW_S3, null, List.of());
        iam.managedPolicies().attach(IdentityKind.USER, ACCOUNT, "alice", policy.arn());
        iam.managedPolicies().attach(IdentityKind.USER, ACCOUNT, "alice", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertEquals(1, iam.managedPolicies().get(ACCOUNT, policy.arn()).attachmentCount());
        assertEquals("Cannot delete a policy attached to entities.",
                fails("DeleteConflict", () -> iam.managedPolicies().delete(ACCOUNT, policy.arn())).getMessage());
        assertEquals("Cannot delete entity, must detach all policies first.",
                fails("DeleteConflict", () -> iam.users().delete(ACCOUNT, "alice")).getMessage());
        assertEquals(2, iam.managedPolicies().list(ACCOUNT, "All", true, "/", Optional.empty(), Optional.empty()).items().size());
        fails("NoSuchEntity", () -> iam.managedPolicies().attach(IdentityKind.USER, ACCOUNT, "alice", "arn:aws:iam::aws:policy/Nope"));
        iam.managedPolicies().detach(IdentityKind.USER, ACCOUNT, "alice", policy.arn());
        iam.managedPolicies().delete(ACCOUNT, policy.arn());
        fails("NoSuchEntity", () -> iam.managedPolicies().get(ACCOUNT, policy.arn()));
    }

    @Test
    void inlinePoliciesArePutReadAndDeleted() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        iam.inlinePolicies().put(IdentityKind.USER, ACCOUNT, "alice", "s3", ALLOW_S3);
        assertEquals(ALLOW_S3, iam.inlinePolicies().get(IdentityKind.USER, ACCOUNT, "alice", "S3").document());
        assertEquals("Cannot delete entity, must delete policies first.",
                fails("DeleteConflict", () -> iam.users().delete(ACCOUNT, "alice")).getMessage());
        fails("MalformedPolicyDocument", () -> iam.inlinePolicies().put(IdentityKind.USER, ACCOUNT, "alice", "bad", TRUST_EC2));
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
                + "b".repeat(2100) + "\"}]}";
        fails("LimitExceeded", () -> iam.inlinePolicies().put(IdentityKind.USER, ACCOUNT, "alice", "big", big));
        iam.inlinePolicies().delete(IdentityKind.USER, ACCOUNT, "alice", "s3");
        assertEquals("The user policy with name s3 cannot be found.",
                fails("NoSuchEntity", () -> iam.inlinePolicies().get(IdentityKind.USER, ACCOUNT, "alice", "s3")).getMessage());
        iam.users().delete(ACCOUNT, "alice");
    }

    @Test
    void instanceProfilesHoldOneRole() {
        iam.roles().create(ACCOUNT, "web", "/", TRUST_EC2, null, Optional.empty(), List.of(), null);
        iam.roles().create(ACCOUNT, "db", "/", TRUST_EC2, null, Optional.empty(), List.of(), null);
        iam.instanceProfiles().create(ACCOUNT, "web-profile", "/", List.of());
        iam.instanceProfiles().addRole(ACCOUNT, "web-profile", "web");
        assertEquals("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
                fails("LimitExceeded", () -> iam.instanceProfiles().addRole(ACCOUNT, "web-profile", "db")).getMessage());
        assertEquals("Cannot delete entity, must remove roles from instance profile first.",
                fails("DeleteConflict", () -> iam.roles().delete(ACCOUNT, "web")).getMessage());
        fails("DeleteConflict", () -> iam.instanceProfiles().delete(ACCOUNT, "web-profile"));
        iam.instanceProfiles().removeRole(ACCOUNT, "web-profile", "web");
        iam.instanceProfiles().delete(ACCOUNT, "web-profile");
        iam.roles().delete(ACCOUNT, "web");
    }

    @Test
    void loginProfilesFollowThePasswordPolicyAndHideThePassword() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        fails("PasswordPolicyViolation", () -> iam.loginProfiles().create(ACCOUNT, "alice", "short", false));
        LoginProfile profile = iam.loginProfiles().create(ACCOUNT, "alice", "Correct-Horse-9", true);
        assertTrue(!profile.toString().contains("Correct-Horse-9") && !profile.passwordHash().contains("Correct-Horse-9"));
        assertEquals("Cannot delete entity, must delete login profile first.",
                fails("DeleteConflict", () -> iam.users().delete(ACCOUNT, "alice")).getMessage());
        fails("EntityAlreadyExists", () -> iam.loginProfiles().create(ACCOUNT, "alice", "Correct-Horse-9", true));
        iam.loginProfiles().setPasswordPolicy(ACCOUNT, new PasswordPolicy(12, true, false, false, false, true, null, null, false));
        assertEquals("Password should have a minimum length of 12",
                fails("PasswordPolicyViolation", () -> iam.loginProfiles().update(ACCOUNT, "alice", Optional.of("Short-1"), Optional.empty())).getMessage());
        iam.loginProfiles().delete(ACCOUNT, "alice");
        assertEquals("Login Profile for User alice cannot be found.",
                fails("NoSuchEntity", () -> iam.loginProfiles().get(ACCOUNT, "alice")).getMessage());
    }

    @Test
    void aBoundaryPolicyCannotBeDeletedWhileInUse() {
        ManagedPolicy policy = iam.managedPolicies().create(ACCOUNT, "limit", "/", ALLOW_S3, null, List.of());
        iam.users().create(ACCOUNT, "bounded", "/", List.of(), policy.arn());
        assertEquals(1, iam.managedPolicies().get(ACCOUNT, policy.arn()).boundaryUsageCount());
        fails("DeleteConflict", () -> iam.managedPolicies().delete(ACCOUNT, policy.arn()));
        iam.users().setPermissionsBoundary(ACCOUNT, "bounded", null);
        iam.managedPolicies().delete(ACCOUNT, policy.arn());
        fails("NoSuchEntity", () -> iam.users().create(ACCOUNT, "other", "/", List.of(), policy.arn()));
    }

    @Test
    void tagsMergeCaseInsensitivelyAndStopAtFifty() {
        iam.users().create(ACCOUNT, "tagged", "/", List.of(new Tag("Team", "a")), null);
        iam.users().tag(ACCOUNT, "tagged", List.of(new Tag("team", "b"), new Tag("env", "dev")));
        assertEquals(List.of(new Tag("team", "b"), new Tag("env", "dev")), iam.users().get(ACCOUNT, "tagged").tags());
        java.util.List<Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 49; i++) {
            many.add(new Tag("k" + i, "v"));
        }
        fails("LimitExceeded", () -> iam.users().tag(ACCOUNT, "tagged", many));
        iam.users().untag(ACCOUNT, "tagged", List.of("TEAM"));
        assertEquals(List.of(new Tag("env", "dev")), iam.users().get(ACCOUNT, "tagged").tags());
        fails("InvalidInput", () -> iam.roles().create(ACCOUNT, "dup-tags", "/", TRUST_EC2, null, Optional.empty(),
                List.of(new Tag("a", "1"), new Tag("A", "2")), null));
    }
}
