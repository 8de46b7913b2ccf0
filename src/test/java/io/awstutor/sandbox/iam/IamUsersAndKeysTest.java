package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamUsersAndKeysTest {
    private static final String ACCOUNT = "000000000000";
    private final IamBackend iam = new IamBackend(new SandboxContext(Clock.systemUTC(), 0, Optional.empty()));

    @Test
    void createsGetsListsAndDeletesUsers() {
        IamUser alice = iam.users().create(ACCOUNT, "alice", "/team/", List.of(new Tag("k", "v")), null);
        assertTrue(alice.id().matches("AIDA[A-Z2-7]{17}"), alice.id());
        assertEquals("arn:aws:iam::000000000000:user/team/alice", alice.arn(ACCOUNT));
        assertEquals("alice", iam.users().get(ACCOUNT, "ALICE").name(), "names are case-insensitive");
        iam.users().create(ACCOUNT, "bob", "/", List.of(), null);
        assertEquals(List.of("alice"), iam.users().list(ACCOUNT, "/team/", Optional.empty(), Optional.empty())
                .items().stream().map(IamUser::name).toList());
        iam.users().delete(ACCOUNT, "alice");
        AwsException missing = assertThrows(AwsException.class, () -> iam.users().get(ACCOUNT, "alice"));
        assertEquals("NoSuchEntity", missing.code());
        assertEquals(404, missing.status());
        assertEquals("The user with name alice cannot be found.", missing.getMessage());
    }

    @Test
    void refusesDuplicatesAndBadNames() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        AwsException dup = assertThrows(AwsException.class, () -> iam.users().create(ACCOUNT, "Alice", "/", List.of(), null));
        assertEquals("EntityAlreadyExists", dup.code());
        assertEquals(409, dup.status());
        assertEquals("User with name Alice already exists.", dup.getMessage());
        AwsException bad = assertThrows(AwsException.class, () -> iam.users().create(ACCOUNT, "bad name!", "/", List.of(), null));
        assertEquals("ValidationError", bad.code());
        assertEquals("1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\w+=,.@-]+", bad.getMessage());
        AwsException longName = assertThrows(AwsException.class, () -> iam.users().create(ACCOUNT, "a".repeat(65), "/", List.of(), null));
        assertTrue(longName.getMessage().endsWith("Member must have length less than or equal to 64"), longName.getMessage());
        AwsException badPath = assertThrows(AwsException.class, () -> iam.users().create(ACCOUNT, "carol", "team", List.of(), null));
        assertEquals("ValidationError", badPath.code());
    }

    @Test
    void paginatesWithMarkers() {
        for (int i = 0; i < 7; i++) {
            iam.users().create(ACCOUNT, "user" + i, "/", List.of(), null);
        }
        Page<IamUser> first = iam.users().list(ACCOUNT, "/", Optional.empty(), Optional.of(3));
        assertTrue(first.truncated());
        assertEquals(List.of("user0", "user1", "user2"), first.items().stream().map(IamUser::name).toList());
        Page<IamUser> second = iam.users().list(ACCOUNT, "/", Optional.of(first.nextMarker()), Optional.of(3));
        assertEquals(List.of("user3", "user4", "user5"), second.items().stream().map(IamUser::name).toList());
        Page<IamUser> last = iam.users().list(ACCOUNT, "/", Optional.of(second.nextMarker()), Optional.of(3));
        assertFalse(last.truncated());
        assertEquals(List.of("user6"), last.items().stream().map(IamUser::name).toList());
        assertThrows(AwsException.class, () -> iam.users().list(ACCOUNT, "/", Optional.empty(), Optional.of(0)));
    }

    @Test
    void allowsTwoKeysThenRefusesAThird() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        AccessKey first = iam.accessKeys().create(ACCOUNT, "alice");
        iam.accessKeys().create(ACCOUNT, "alice");
        assertTrue(first.id().matches("AKIA[A-Z2-7]{16}"));
        assertEquals(40, first.secret().length());
        assertFalse(first.toString().contains(first.secret()), "the secret never shows in toString");
        AwsException third = assertThrows(AwsException.class, () -> iam.accessKeys().create(ACCOUNT, "alice"));
        assertEquals("LimitExceeded", third.code());
        assertEquals(409, third.status());
        assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", third.getMessage());
    }

    @Test
    void keysVerifyUntilDeactivatedOrDeleted() {
        iam.users().create(ACCOUNT, "alice", "/dev/", List.of(), null);
        AccessKey key = iam.accessKeys().create(ACCOUNT, "alice");
        Credential credential = iam.lookup(key.id()).orElseThrow();
        assertEquals(key.secret(), credential.secretAccessKey());
        assertTrue(credential.active());
        Caller.User caller = (Caller.User) credential.caller();
        assertEquals("arn:aws:iam::000000000000:user/dev/alice", caller.arn());
        iam.accessKeys().update(ACCOUNT, "alice", key.id(), "Inactive");
        assertFalse(iam.lookup(key.id()).orElseThrow().active());
        iam.accessKeys().delete(ACCOUNT, "alice", key.id());
        assertTrue(iam.lookup(key.id()).isEmpty());
    }

    @Test
    void deleteConflictsNameTheObstacle() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        AccessKey key = iam.accessKeys().create(ACCOUNT, "alice");
        AwsException conflict = assertThrows(AwsException.class, () -> iam.users().delete(ACCOUNT, "alice"));
        assertEquals("DeleteConflict", conflict.code());
        assertEquals(409, conflict.status());
        assertEquals("Cannot delete entity, must delete access keys first.", conflict.getMessage());
        iam.accessKeys().delete(ACCOUNT, "alice", key.id());
        iam.users().delete(ACCOUNT, "alice");
    }

    @Test
    void renamedUsersKeepTheirKeys() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        AccessKey key = iam.accessKeys().create(ACCOUNT, "alice");
        iam.users().update(ACCOUNT, "alice", Optional.of("alicia"), Optional.empty());
        assertEquals("arn:aws:iam::000000000000:user/alicia", iam.lookup(key.id()).orElseThrow().caller().arn());
        assertEquals(1, iam.accessKeys().list(ACCOUNT, "alicia", Optional.empty(), Optional.empty()).items().size());
    }

    @Test
    void stateSurvivesARestart(@TempDir Path dir) {
        SandboxContext context = new SandboxContext(Clock.systemUTC(), 0, Optional.of(dir));
        IamBackend before = new IamBackend(context);
        before.users().create(ACCOUNT, "alice", "/", List.of(new Tag("team", "a")), null);
        AccessKey key = before.accessKeys().create(ACCOUNT, "alice");
        before.groups().create(ACCOUNT, "devs", "/");
        before.groups().addUser(ACCOUNT, "devs", "alice");
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        ManagedPolicy policy = before.managedPolicies().create(ACCOUNT, "s3", "/", doc, "all of S3", List.of());
        before.managedPolicies().createVersion(ACCOUNT, policy.arn(), doc, true);
        before.managedPolicies().attach(IdentityKind.GROUP, ACCOUNT, "devs", policy.arn());
        before.inlinePolicies().put(IdentityKind.USER, ACCOUNT, "alice", "inline", doc);
        before.roles().create(ACCOUNT, "web", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", null, Optional.of(7200), List.of(), null);
        before.loginProfiles().create(ACCOUNT, "alice", "Correct-Horse-9", false);

        IamBackend after = new IamBackend(context);
        IamUser alice = after.users().get(ACCOUNT, "alice");
        assertEquals(List.of(new Tag("team", "a")), alice.tags());
        assertEquals(key.secret(), after.lookup(key.id()).orElseThrow().secretAccessKey());
        assertEquals("v2", after.managedPolicies().get(ACCOUNT, policy.arn()).policy().defaultVersionId());
        assertEquals(1, after.managedPolicies().get(ACCOUNT, policy.arn()).attachmentCount());
        assertEquals(2, after.policiesOf(after.lookup(key.id()).orElseThrow().caller()).size(), "inline + the group's policy");
        assertEquals(7200, after.roles().get(ACCOUNT, "web").maxSessionDuration());
        assertFalse(after.loginProfiles().get(ACCOUNT, "alice").passwordResetRequired());
    }

    @Test
    void accountsAreSeparate() {
        iam.users().create(ACCOUNT, "alice", "/", List.of(), null);
        assertThrows(AwsException.class, () -> iam.users().get("111111111111", "alice"));
    }
}
