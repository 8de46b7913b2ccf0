package io.awstutor.sandbox.secretsmanager;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets Manager through the SDK for Java over real HTTP: versions, listing, deletion's recovery window, IAM, --data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsManagerSdkTest {
    private TestSandbox box;
    private SecretsManagerClient sm;

    @BeforeAll
    void start() {
        box = TestSandbox.start();
        sm = box.secretsmanager();
    }

    @AfterAll
    void stop() {
        box.close();
    }

    @Test
    void aSecretHasAnArnWithSixRandomCharactersAndItsValueIsReadBack() {
        CreateSecretResponse created = sm.createSecret(r -> r.name("app/db").description("the app's database")
                .secretString("{\"username\":\"app\",\"password\":\"s3cret-pass\"}"));
        assertTrue(created.arn().matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-[A-Za-z0-9]{6}"), created.arn());
        GetSecretValueResponse value = sm.getSecretValue(r -> r.secretId("app/db"));
        assertEquals("{\"username\":\"app\",\"password\":\"s3cret-pass\"}", value.secretString());
        assertEquals(List.of("AWSCURRENT"), value.versionStages());
        assertEquals(created.versionId(), value.versionId());
        // by full ARN, and by the ARN without its suffix, as AWS resolves a SecretId
        assertEquals(created.name(), sm.getSecretValue(r -> r.secretId(created.arn())).name());
        assertEquals(created.name(), sm.getSecretValue(r -> r.secretId(created.arn().substring(0, created.arn().length() - 7))).name());
        DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("app/db"));
        assertEquals("the app's database", described.description());
        assertEquals(Map.of(created.versionId(), List.of("AWSCURRENT")), described.versionIdsToStages());
        assertTrue(described.lastAccessedDate() != null);

        ResourceExistsException again = assertThrows(ResourceExistsException.class,
                () -> sm.createSecret(r -> r.name("app/db").secretString("x")));
        assertEquals("The operation failed because the secret app/db already exists.", again.awsErrorDetails().errorMessage());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(r -> r.secretId("nope")));
        assertEquals("Secrets Manager can't find the specified secret.", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        String first = sm.createSecret(r -> r.name("rotating").secretString("one")).versionId();
        String second = sm.putSecretValue(r -> r.secretId("rotating").secretString("two")).versionId();
        String third = sm.putSecretValue(r -> r.secretId("rotating").secretString("three")).versionId();
        assertEquals("three", sm.getSecretValue(r -> r.secretId("rotating")).secretString());
        assertEquals("two", sm.getSecretValue(r -> r.secretId("rotating").versionStage("AWSPREVIOUS")).secretString());
        assertEquals("one", sm.getSecretValue(r -> r.secretId("rotating").versionId(first)).secretString());
        assertEquals(Map.of(third, List.of("AWSCURRENT"), second, List.of("AWSPREVIOUS")),
                sm.describeSecret(r -> r.secretId("rotating")).versionIdsToStages());
        // the same token again is the same version; with another value it is refused
        String token = "0123456789abcdef0123456789abcdef";
        assertEquals(token, sm.putSecretValue(r -> r.secretId("rotating").clientRequestToken(token).secretString("four")).versionId());
        assertEquals(token, sm.putSecretValue(r -> r.secretId("rotating").clientRequestToken(token).secretString("four")).versionId());
        assertThrows(ResourceExistsException.class,
                () -> sm.putSecretValue(r -> r.secretId("rotating").clientRequestToken(token).secretString("five")));
        InvalidParameterException both = assertThrows(InvalidParameterException.class, () -> sm.createSecret(r -> r.name("both")
                .secretString("a").secretBinary(software.amazon.awssdk.core.SdkBytes.fromUtf8String("b"))));
        assertEquals("You can't specify both a binary secret value and a string secret value in the same secret.",
                both.awsErrorDetails().errorMessage());
    }

    @Test
    void deletionWaitsForItsRecoveryWindowAndCanBeUndone() {
        sm.createSecret(r -> r.name("short-lived").secretString("v"));
        InvalidParameterException window = assertThrows(InvalidParameterException.class,
                () -> sm.deleteSecret(r -> r.secretId("short-lived").recoveryWindowInDays(3L)));
        assertEquals("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).", window.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> sm.deleteSecret(r -> r.secretId("short-lived").recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)));

        var deleted = sm.deleteSecret(r -> r.secretId("short-lived").recoveryWindowInDays(7L));
        long window7 = Duration.between(box.clock().instant(), deleted.deletionDate()).toSeconds();
        assertTrue(Math.abs(window7 - Duration.ofDays(7).toSeconds()) <= 1, "deletion in " + window7 + " s");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> sm.getSecretValue(r -> r.secretId("short-lived")));
        assertEquals("You can't perform this operation on the secret because it was marked for deletion.",
                refused.awsErrorDetails().errorMessage());
        assertTrue(sm.describeSecret(r -> r.secretId("short-lived")).deletedDate() != null);
        assertFalse(names(sm.listSecrets(r -> { })).contains("short-lived"));
        assertTrue(names(sm.listSecrets(r -> r.includePlannedDeletion(true))).contains("short-lived"));

        sm.restoreSecret(r -> r.secretId("short-lived"));
        assertEquals("v", sm.getSecretValue(r -> r.secretId("short-lived")).secretString());
        assertNull(sm.describeSecret(r -> r.secretId("short-lived")).deletedDate());

        sm.deleteSecret(r -> r.secretId("short-lived").forceDeleteWithoutRecovery(true));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId("short-lived")));
        sm.createSecret(r -> r.name("short-lived").secretString("again"));
    }

    /** Past its window the secret is gone and its name free (the backend alone: a clock 7 days on would skew signatures). */
    @Test
    void aSecretIsGoneOnceItsWindowCloses() {
        io.awstutor.testing.MutableClock clock = new io.awstutor.testing.MutableClock();
        SecretsManagerBackend backend = new SecretsManagerBackend(new io.awstutor.sandbox.SandboxContext(clock, 0,
                java.util.Optional.empty()));
        backend.create("000000000000", "us-east-1", new SecretsManagerBackend.NewSecret("brief", null, null, "v", null, null,
                Map.of(), null));
        backend.delete("000000000000", "us-east-1", "brief", 7L, false);
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertTrue(backend.describe("000000000000", "us-east-1", "brief").scheduledForDeletion());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("ResourceNotFoundException", assertThrows(io.awstutor.sandbox.protocol.AwsException.class,
                () -> backend.describe("000000000000", "us-east-1", "brief")).code());
        backend.create("000000000000", "us-east-1", new SecretsManagerBackend.NewSecret("brief", null, null, "v2", null, null,
                Map.of(), null));
    }

    @Test
    void listSecretsPagesAndFilters() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            sm.createSecret(r -> r.name("paged/" + n).secretString("v").tags(t -> t.key("team").value(n % 2 == 0 ? "red" : "blue")));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListSecretsResponse page = sm.listSecrets(r -> r.maxResults(2).nextToken(next)
                    .filters(f -> f.key("name").values("paged/")));
            seen.addAll(names(page));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(List.of("paged/0", "paged/1", "paged/2", "paged/3", "paged/4"), seen);
        assertEquals(3, pages);
        assertEquals(List.of("paged/1", "paged/3"), names(sm.listSecrets(r -> r.filters(f -> f.key("tag-value").values("blue")))));
        assertEquals(List.of("paged/0", "paged/2", "paged/4"), names(sm.listSecrets(r -> r.filters(f -> f.key("name").values("paged/"),
                f -> f.key("tag-value").values("!blue")))));
        assertEquals("InvalidNextTokenException", assertThrows(SecretsManagerException.class,
                () -> sm.listSecrets(r -> r.nextToken("made-up"))).awsErrorDetails().errorCode());
    }

    @Test
    void aUserNeedsSecretsManagerPermissions() {
        sm.createSecret(r -> r.name("guarded").secretString("v"));
        box.iam().createUser(r -> r.userName("reader"));
        var key = box.iam().createAccessKey(r -> r.userName("reader")).accessKey();
        SecretsManagerClient asReader = box.secretsmanager(TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey()), "us-east-1");
        SecretsManagerException denied = assertThrows(SecretsManagerException.class, () -> asReader.getSecretValue(r -> r.secretId("guarded")));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("secretsmanager:GetSecretValue"), denied.getMessage());
        box.iam().putUserPolicy(r -> r.userName("reader").policyName("read").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"arn:aws:secretsmanager:*:*:secret:guarded-*\"}]}"));
        assertEquals("v", asReader.getSecretValue(r -> r.secretId("guarded")).secretString());
    }

    @Test
    void theAwsCliReadsASecret() {
        sm.createSecret(r -> r.name("for-the-cli").secretString("{\"password\":\"from-java\"}"));
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1",
                "secretsmanager", "get-secret-value", "--secret-id", "for-the-cli", "--query", "SecretString", "--output", "text");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"password\":\"from-java\"}", result.stdout().strip());
    }

    @Test
    void secretsSurviveARestartWithADataFolder(@TempDir Path data) {
        String arn;
        try (TestSandbox first = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            arn = first.secretsmanager().createSecret(r -> r.name("kept").secretString("still here")).arn();
            first.secretsmanager().putSecretValue(r -> r.secretId("kept").secretString("newer"));
        }
        try (TestSandbox second = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            GetSecretValueResponse value = second.secretsmanager().getSecretValue(r -> r.secretId("kept"));
            assertEquals(arn, value.arn());
            assertEquals("newer", value.secretString());
            assertEquals("still here", second.secretsmanager().getSecretValue(r -> r.secretId("kept").versionStage("AWSPREVIOUS")).secretString());
        }
    }

    private static List<String> names(ListSecretsResponse response) {
        return response.secretList().stream().map(s -> s.name()).toList();
    }
}
