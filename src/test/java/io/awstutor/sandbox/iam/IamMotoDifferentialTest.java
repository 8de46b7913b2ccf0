package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same IAM calls against the sandbox and moto_server through the SDK for Java: where moto
 * follows AWS, both must answer alike (shapes, codes, statuses, messages). Where moto departs
 * from AWS's documented behaviour, the sandbox follows AWS; each such case says so below.
 */
class IamMotoDifferentialTest {
    private static TestSandbox box;
    private static ExternalTools.MotoServer moto;
    private static IamClient ours;
    private static IamClient theirs;

    @BeforeAll
    static void start() {
        moto = ExternalTools.startMoto();
        box = TestSandbox.start();
        ours = box.iam();
        theirs = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build();
    }

    @AfterAll
    static void stop() {
        if (theirs != null) {
            theirs.close();
        }
        if (box != null) {
            box.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** The members a response carries (non-null), by name: its shape as the caller sees it. */
    private static TreeSet<String> shape(SdkPojo pojo) {
        TreeSet<String> names = new TreeSet<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.getValueOrDefault(pojo) != null) {
                names.add(field.memberName());
            }
        }
        return names;
    }

    private static String withoutAccount(String arn) {
        return arn.replaceFirst("^arn:aws:iam::\\d{12}:", "arn:aws:iam::ACCOUNT:");
    }

    private static AwsServiceException error(IamClient client, Consumer<IamClient> call) {
        return assertThrows(AwsServiceException.class, () -> call.accept(client));
    }

    private static void sameError(Consumer<IamClient> call) {
        AwsServiceException a = error(ours, call);
        AwsServiceException b = error(theirs, call);
        assertEquals(b.awsErrorDetails().errorCode(), a.awsErrorDetails().errorCode());
        assertEquals(b.statusCode(), a.statusCode());
        assertEquals(b.awsErrorDetails().errorMessage(), a.awsErrorDetails().errorMessage());
    }

    private static <T> void both(Function<IamClient, T> call, java.util.function.BiConsumer<T, T> compare) {
        compare.accept(call.apply(ours), call.apply(theirs));
    }

    @Test
    void createGetAndListUsersHaveTheSameShape() {
        both(c -> c.createUser(r -> r.userName("diff-alice").path("/diff/")).user(), (a, b) -> {
            assertEquals(shape(b), shape(a));
            assertEquals(b.path(), a.path());
            assertEquals(b.userName(), a.userName());
            assertEquals(withoutAccount(b.arn()), withoutAccount(a.arn()));
            assertNotNull(a.createDate());
            // moto's user ids are 20 random lower-case characters; AWS's are AIDA + 17 upper-case base32 ones.
            assertTrue(a.userId().matches("AIDA[A-Z2-7]{17}"), a.userId());
        });
        both(c -> c.getUser(r -> r.userName("diff-alice")).user(), (a, b) -> {
            assertEquals(shape(b), shape(a));
            assertEquals(withoutAccount(b.arn()), withoutAccount(a.arn()));
        });
        both(c -> c.listUsers(r -> r.pathPrefix("/diff/")), (a, b) -> {
            assertEquals(b.users().stream().map(User::userName).toList(), a.users().stream().map(User::userName).toList());
            assertEquals(shape(b.users().get(0)), shape(a.users().get(0)));
            assertEquals(b.isTruncated(), a.isTruncated());
        });
    }

    @Test
    void errorsMatchWhereMotoFollowsAws() {
        sameError(c -> c.getUser(r -> r.userName("diff-nobody")));
        sameError(c -> c.deleteUser(r -> r.userName("diff-nobody")));
        for (IamClient c : List.of(ours, theirs)) {
            c.createUser(r -> r.userName("diff-keys"));
            c.createAccessKey(r -> r.userName("diff-keys"));
            c.createAccessKey(r -> r.userName("diff-keys"));
        }
        sameError(c -> c.createAccessKey(r -> r.userName("diff-keys")));
    }

    @Test
    void whereMotoDepartsFromAwsTheSandboxFollowsAws() {
        for (IamClient c : List.of(ours, theirs)) {
            c.createUser(r -> r.userName("diff-bob"));
        }
        // AWS: "User with name X already exists."; moto says "User X already exists".
        AwsServiceException dup = error(ours, c -> c.createUser(r -> r.userName("diff-bob")));
        assertEquals("EntityAlreadyExists", dup.awsErrorDetails().errorCode());
        assertEquals(error(theirs, c -> c.createUser(r -> r.userName("diff-bob"))).statusCode(), dup.statusCode());
        assertEquals("User with name diff-bob already exists.", dup.awsErrorDetails().errorMessage());

        // AWS: names are unique regardless of case; moto accepts "Diff-Bob" beside "diff-bob".
        assertEquals("EntityAlreadyExists", error(ours, c -> c.createUser(r -> r.userName("Diff-Bob"))).awsErrorDetails().errorCode());

        // AWS validates the name against [\w+=,.@-]+; moto accepts a space.
        assertEquals("ValidationError", error(ours, c -> c.createUser(r -> r.userName("diff bob"))).awsErrorDetails().errorCode());

        // AWS refuses to delete a user that still has access keys (DeleteConflict); moto deletes it.
        ours.createAccessKey(r -> r.userName("diff-bob"));
        AwsServiceException conflict = error(ours, c -> c.deleteUser(r -> r.userName("diff-bob")));
        assertEquals("DeleteConflict", conflict.awsErrorDetails().errorCode());
        assertEquals(409, conflict.statusCode());

        // AWS honours MaxItems and answers IsTruncated/Marker; moto returns every user.
        var page = ours.listUsers(r -> r.maxItems(1));
        assertEquals(1, page.users().size());
        assertTrue(page.isTruncated());
        assertNotNull(page.marker());
    }

    @Test
    void getUserAsRootFollowsAwsNotMoto() {
        // AWS answers GetUser for the root user with the account: its id, the :root ARN, no
        // user name or path. moto invents a user named "default_user".
        User root = ours.getUser().user();
        assertEquals("arn:aws:iam::000000000000:root", root.arn());
        assertEquals("000000000000", root.userId());
        assertNull(root.userName());
        assertNull(root.path());
    }

    /** GetAccountAuthorizationDetails and ListEntitiesForPolicy: the same entities and member shapes as moto's. */
    @Test
    void authorizationDetailsAndEntitiesMatchMoto() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}]}";
        java.util.Map<IamClient, String> arns = new java.util.HashMap<>();
        for (IamClient c : List.of(ours, theirs)) {
            String readOnly = c.createPolicy(r -> r.policyName("diff-details-policy").policyDocument(document)).policy().arn();
            arns.put(c, readOnly);
            c.createUser(r -> r.userName("diff-details").path("/details/"));
            c.createGroup(r -> r.groupName("diff-details-group").path("/details/"));
            c.addUserToGroup(r -> r.userName("diff-details").groupName("diff-details-group"));
            c.attachUserPolicy(r -> r.userName("diff-details").policyArn(readOnly));
            c.attachGroupPolicy(r -> r.groupName("diff-details-group").policyArn(readOnly));
            c.createRole(r -> r.roleName("diff-details-role").path("/details/").assumeRolePolicyDocument(trust));
            c.attachRolePolicy(r -> r.roleName("diff-details-role").policyArn(readOnly));
        }
        both(c -> c.getAccountAuthorizationDetails(), (a, b) -> {
            var userA = a.userDetailList().stream().filter(u -> u.userName().equals("diff-details")).findFirst().orElseThrow();
            var userB = b.userDetailList().stream().filter(u -> u.userName().equals("diff-details")).findFirst().orElseThrow();
            assertEquals(userB.groupList(), userA.groupList());
            assertEquals(attached(userB.attachedManagedPolicies()), attached(userA.attachedManagedPolicies()));
            assertEquals(withoutAccount(userB.arn()), withoutAccount(userA.arn()));
            var roleA = a.roleDetailList().stream().filter(r -> r.roleName().equals("diff-details-role")).findFirst().orElseThrow();
            var roleB = b.roleDetailList().stream().filter(r -> r.roleName().equals("diff-details-role")).findFirst().orElseThrow();
            assertEquals(attached(roleB.attachedManagedPolicies()), attached(roleA.attachedManagedPolicies()));
            assertEquals(roleB.path(), roleA.path());
            // moto leaves PolicyName out of these policies (AWS's ManagedPolicyDetail has it): found by ARN
            var policyA = a.policies().stream().filter(p -> p.arn().endsWith(":policy/diff-details-policy")).findFirst().orElseThrow();
            var policyB = b.policies().stream().filter(p -> p.arn().endsWith(":policy/diff-details-policy")).findFirst().orElseThrow();
            assertEquals("diff-details-policy", policyA.policyName());
            assertEquals(policyB.attachmentCount(), policyA.attachmentCount());
            assertEquals(policyB.policyVersionList().size(), policyA.policyVersionList().size());
            assertEquals(shape(policyB.policyVersionList().get(0)), shape(policyA.policyVersionList().get(0)));
        });
        both(c -> c.listEntitiesForPolicy(r -> r.policyArn(arns.get(c)).pathPrefix("/details/")), (a, b) -> {
            assertEquals(b.policyUsers().stream().map(u -> u.userName()).toList(), a.policyUsers().stream().map(u -> u.userName()).toList());
            assertEquals(b.policyGroups().stream().map(g -> g.groupName()).toList(), a.policyGroups().stream().map(g -> g.groupName()).toList());
            assertEquals(b.policyRoles().stream().map(r -> r.roleName()).toList(), a.policyRoles().stream().map(r -> r.roleName()).toList());
        });
    }

    private static List<String> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> policies) {
        return policies.stream().map(p -> p.policyName() + " " + withoutAccount(p.policyArn())).toList();
    }
}
