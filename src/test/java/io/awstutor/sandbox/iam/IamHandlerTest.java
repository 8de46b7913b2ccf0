package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.auth.Caller;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query adapter's documents, below HTTP (the SDK-over-HTTP tests cover the same through the wire). */
class IamHandlerTest {
    private static final Caller ROOT = new Caller.Root("000000000000");
    private final IamBackend backend = new IamBackend(new SandboxContext(Clock.systemUTC(), 0, Optional.empty()));
    private final IamCalls iam = new IamCalls(new IamHandler(backend));

    @Test
    void getUserForRootAnswersWithTheAccount() {
        IamCalls.Answer answer = iam.call(ROOT, "Action", "GetUser");
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("<GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetUserResult><User>"
                + "<UserId>000000000000</UserId><Arn>arn:aws:iam::000000000000:root</Arn><CreateDate>"), answer.body());
        assertFalse(answer.body().contains("<UserName>"), "root has no user name");
    }

    @Test
    void createUserWritesTheUserShape() {
        IamCalls.Answer answer = iam.call(ROOT, "Action", "CreateUser", "UserName", "alice", "Path", "/dev/",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("<CreateUserResult><User><Path>/dev/</Path><UserName>alice</UserName><UserId>AIDA"), answer.body());
        assertTrue(answer.body().contains("<Arn>arn:aws:iam::000000000000:user/dev/alice</Arn>"), answer.body());
        assertTrue(answer.body().contains("<Tags><member><Key>team</Key><Value>blue</Value></member></Tags>"), answer.body());
    }

    @Test
    void getUserWithoutNameAnswersTheCallingUser() {
        IamUser alice = backend.users().create("000000000000", "alice", "/", java.util.List.of(), null);
        Caller caller = new Caller.User("000000000000", "alice", "/", alice.id());
        IamCalls.Answer answer = iam.call(caller, "Action", "GetUser");
        assertTrue(answer.body().contains("<UserName>alice</UserName>"), answer.body());
        IamCalls.Answer role = iam.call(new Caller.AssumedRole("000000000000", "r", "AROAX", "s"), "Action", "GetUser");
        assertEquals(400, role.status());
        assertTrue(role.body().contains("<Code>ValidationError</Code>"), role.body());
    }

    @Test
    void errorsUseTheQueryErrorDocument() {
        IamCalls.Answer answer = iam.call(ROOT, "Action", "GetUser", "UserName", "nobody");
        assertEquals(404, answer.status());
        assertTrue(answer.body().contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                + "<Code>NoSuchEntity</Code><Message>The user with name nobody cannot be found.</Message></Error>"), answer.body());
        IamCalls.Answer missing = iam.call(ROOT, "Action", "CreateUser");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("Value null at &apos;userName&apos;"), missing.body());
    }

    @Test
    void listUsersPages() {
        for (String name : new String[] {"a", "b", "c"}) {
            iam.call(ROOT, "Action", "CreateUser", "UserName", name);
        }
        IamCalls.Answer first = iam.call(ROOT, "Action", "ListUsers", "MaxItems", "2");
        assertTrue(first.body().contains("<IsTruncated>true</IsTruncated><Marker>"), first.body());
        String marker = first.body().replaceAll(".*<Marker>([^<]*)</Marker>.*", "$1");
        IamCalls.Answer second = iam.call(ROOT, "Action", "ListUsers", "MaxItems", "2", "Marker", marker);
        assertTrue(second.body().contains("<UserName>c</UserName>"), second.body());
        assertTrue(second.body().contains("<IsTruncated>false</IsTruncated>"), second.body());
    }

    @Test
    void createAccessKeyShowsTheSecretOnlyOnce() {
        iam.call(ROOT, "Action", "CreateUser", "UserName", "alice");
        IamCalls.Answer created = iam.call(ROOT, "Action", "CreateAccessKey", "UserName", "alice");
        assertTrue(created.body().contains("<SecretAccessKey>"), created.body());
        IamCalls.Answer listed = iam.call(ROOT, "Action", "ListAccessKeys", "UserName", "alice");
        assertFalse(listed.body().contains("SecretAccessKey"), listed.body());
        assertTrue(listed.body().contains("<Status>Active</Status>"), listed.body());
    }

    @Test
    void unknownActionIsRefused() {
        IamCalls.Answer answer = iam.call(ROOT, "Action", "FlyToTheMoon");
        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("InvalidAction"), answer.body());
    }

    /** Every action, with nothing and with nonsense: an AWS error (4xx) every time, never a 500. */
    @Test
    void badInputNeverBreaksAnAction() throws Exception {
        java.lang.reflect.Method actions = IamHandler.class.getDeclaredMethod("actions");
        actions.setAccessible(true);
        @SuppressWarnings("unchecked")
        java.util.Set<String> names = ((java.util.Map<String, ?>) actions.invoke(new IamHandler(backend))).keySet();
        assertTrue(names.size() > 80, "actions: " + names.size());
        iam.call(ROOT, "Action", "CreateUser", "UserName", "alice");
        String[][] garbage = {
                {},
                {"UserName", "alice", "GroupName", "", "RoleName", "x y", "PolicyArn", "not-an-arn", "MaxItems", "abc"},
                {"UserName", "alice", "MaxItems", "0", "Marker", "%%%", "PolicyDocument", "{", "AssumeRolePolicyDocument", "[]"},
                {"UserName", "nobody", "PolicyArn", "arn:aws:iam::aws:policy/Nope", "VersionId", "v99", "Status", "Sleeping",
                        "AccessKeyId", "AKIANOTHING00000000", "PolicySourceArn", "arn:aws:iam::000000000000:user/nobody",
                        "ActionNames.member.1", "s3:GetObject", "PolicyInputList.member.1", "nope", "MaxSessionDuration", "99999999999"},
        };
        for (String name : names) {
            for (String[] params : garbage) {
                String[] all = new String[params.length + 2];
                all[0] = "Action";
                all[1] = name;
                System.arraycopy(params, 0, all, 2, params.length);
                IamCalls.Answer answer = iam.call(ROOT, all);
                assertTrue(answer.status() < 500, name + " " + java.util.Arrays.toString(params) + " -> " + answer.body());
                if (answer.status() >= 400) {
                    assertTrue(answer.body().contains("<ErrorResponse"), name + " -> " + answer.body());
                }
            }
        }
    }
}
