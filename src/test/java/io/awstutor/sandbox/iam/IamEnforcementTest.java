package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What IAM's policies decide for real requests: the users' and roles' policies, enforced. */
class IamEnforcementTest {
    private static TestSandbox box;
    private static IamClient root;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        root = box.iam();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static AwsCredentials userWith(String name, String... managedPolicies) {
        root.createUser(r -> r.userName(name));
        for (String policy : managedPolicies) {
            root.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/" + policy));
        }
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        return TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readOnlyUserListsButCannotCreate() {
        String name = unique("reader");
        IamClient reader = box.iam(userWith(name, "IAMReadOnlyAccess"));
        assertTrue(reader.listUsers().users().stream().anyMatch(u -> u.userName().equals(name)));
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> reader.createUser(r -> r.userName("intruder")));
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().startsWith("User: arn:aws:iam::000000000000:user/" + name
                + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::000000000000:user/intruder"),
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void userWithoutPoliciesIsDeniedEvenItsOwnUser() {
        IamClient nobody = box.iam(userWith(unique("nobody")));
        AwsServiceException denied = assertThrows(AwsServiceException.class, nobody::getUser);
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void explicitDenyBeatsAdministratorAccess() {
        String name = unique("admin");
        IamClient admin = box.iam(userWith(name, "AdministratorAccess"));
        admin.createUser(r -> r.userName(unique("made-by-admin")));
        root.putUserPolicy(r -> r.userName(name).policyName("no-user-creation").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoNewUsers\",\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}"));
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> admin.createUser(r -> r.userName("another")));
        assertEquals(403, denied.statusCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("explicit deny"), denied.awsErrorDetails().errorMessage());
        admin.listUsers();
    }

    /** A boundary caps AdministratorAccess: what it leaves out is refused, in AWS's words. */
    @Test
    void permissionsBoundaryCapsWhatPoliciesAllow() {
        String name = unique("bounded");
        AwsCredentials credentials = userWith(name, "AdministratorAccess");
        root.putUserPermissionsBoundary(r -> r.userName(name).permissionsBoundary("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        box.s3(credentials).listBuckets();
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> box.iam(credentials).listUsers());
        assertEquals(403, denied.statusCode());
        assertEquals("User: arn:aws:iam::000000000000:user/" + name + " is not authorized to perform: iam:ListUsers on resource: "
                + "arn:aws:iam::000000000000:user/ because no permissions boundary allows the iam:ListUsers action",
                denied.awsErrorDetails().errorMessage());

        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String boundaryArn = root.createPolicy(r -> r.policyName(unique("no-s3")).policyDocument(denyAll)).policy().arn();
        root.putUserPermissionsBoundary(r -> r.userName(name).permissionsBoundary(boundaryArn));
        box.iam(credentials).listUsers();
        AwsServiceException s3Denied = assertThrows(AwsServiceException.class, () -> box.s3(credentials).listBuckets());
        assertTrue(s3Denied.awsErrorDetails().errorMessage().endsWith("with an explicit deny in a permissions boundary"),
                s3Denied.awsErrorDetails().errorMessage());

        root.deleteUserPermissionsBoundary(r -> r.userName(name));
        box.s3(credentials).listBuckets();
    }

    /** A role's boundary holds for its sessions too. */
    @Test
    void aRolesBoundaryHoldsForItsSessions() {
        String user = unique("assumer");
        AwsCredentials caller = userWith(user, "AdministratorAccess");
        String roleName = unique("bounded-role");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = root.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)
                .permissionsBoundary("arn:aws:iam::aws:policy/IAMReadOnlyAccess")).role().arn();
        root.attachRolePolicy(r -> r.roleName(roleName).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        Credentials session = box.sts(caller).assumeRole(r -> r.roleArn(roleArn).roleSessionName("capped")).credentials();
        IamClient asRole = box.iam(TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        asRole.listRoles();
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> asRole.createUser(r -> r.userName(unique("x"))));
        assertTrue(denied.awsErrorDetails().errorMessage().contains("because no permissions boundary allows the iam:CreateUser action"),
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void groupPoliciesApplyToMembers() {
        String name = unique("member");
        IamClient member = box.iam(userWith(name));
        assertThrows(AwsServiceException.class, member::listRoles);
        String group = unique("viewers");
        root.createGroup(r -> r.groupName(group));
        root.attachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        root.addUserToGroup(r -> r.groupName(group).userName(name));
        member.listRoles();
        root.removeUserFromGroup(r -> r.groupName(group).userName(name));
        assertThrows(AwsServiceException.class, member::listRoles);
    }

    @Test
    void assumedRoleActsWithTheRolesPolicies() {
        String roleName = unique("auditor");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = root.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)).role().arn();
        root.attachRolePolicy(r -> r.roleName(roleName).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        String userName = unique("assumer");
        AwsCredentials user = userWith(userName);
        root.putUserPolicy(r -> r.userName(userName).policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + roleArn + "\"}]}"));
        Credentials session = box.sts(user).assumeRole(r -> r.roleArn(roleArn).roleSessionName("audit")).credentials();
        IamClient asRole = box.iam(TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        asRole.listUsers();
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> asRole.createUser(r -> r.userName("x")));
        assertTrue(denied.awsErrorDetails().errorMessage().contains("assumed-role/" + roleName + "/audit"), denied.awsErrorDetails().errorMessage());
    }

    @Test
    void aRolesTrustPolicyDecidesWhoMayAssumeItAndChangesTakeEffectAtOnce() {
        String roleName = unique("guarded");
        String trustsService = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = root.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trustsService)).role().arn();
        String userName = unique("hopeful");
        AwsCredentials user = userWith(userName);
        root.putUserPolicy(r -> r.userName(userName).policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
        String userArn = root.getUser(r -> r.userName(userName)).user().arn();
        AwsServiceException refused = assertThrows(AwsServiceException.class,
                () -> box.sts(user).assumeRole(r -> r.roleArn(roleArn).roleSessionName("session")));
        assertEquals(403, refused.statusCode(), refused.awsErrorDetails().errorCode() + ": " + refused.awsErrorDetails().errorMessage());
        root.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + userArn + "\"},\"Action\":\"sts:AssumeRole\"}]}"));
        box.sts(user).assumeRole(r -> r.roleArn(roleArn).roleSessionName("session"));
    }

    @Test
    void simulatePrincipalPolicyForRolesAndGroups() {
        String roleName = unique("sim-role");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = root.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)).role().arn();
        root.attachRolePolicy(r -> r.roleName(roleName).policyArn("arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"));
        var roleResults = root.simulatePrincipalPolicy(r -> r.policySourceArn(roleArn)
                .actionNames("ec2:DescribeInstances", "ec2:TerminateInstances")).evaluationResults();
        assertEquals("allowed", roleResults.get(0).evalDecisionAsString());
        assertEquals("implicitDeny", roleResults.get(1).evalDecisionAsString());

        String group = unique("sim-group");
        String groupArn = root.createGroup(r -> r.groupName(group)).group().arn();
        root.putGroupPolicy(r -> r.groupName(group).policyName("deny-delete").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}"));
        var groupResults = root.simulatePrincipalPolicy(r -> r.policySourceArn(groupArn).actionNames("s3:DeleteBucket")
                .policyInputList("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .evaluationResults();
        assertEquals("explicitDeny", groupResults.get(0).evalDecisionAsString());
        assertEquals("deny-delete", groupResults.get(0).matchedStatements().get(0).sourcePolicyId());
        assertEquals("group", groupResults.get(0).matchedStatements().get(0).sourcePolicyTypeAsString());

        AwsServiceException missing = assertThrows(AwsServiceException.class, () -> root.simulatePrincipalPolicy(
                r -> r.policySourceArn("arn:aws:iam::000000000000:user/nobody-here").actionNames("s3:GetObject")));
        assertEquals("NoSuchEntity", missing.awsErrorDetails().errorCode());
    }
}
