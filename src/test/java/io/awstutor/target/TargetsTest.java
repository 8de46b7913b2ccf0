package io.awstutor.target;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening targets from what the learner asked for; no real secret ever travels as a system property. */
class TargetsTest {
    private static final String REAL_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void anEndpointNeverCarriesWhatLooksLikeARealKeyToTheJavaSession() {
        try (Target t = Targets.open(new TargetRequest("endpoint", "http://127.0.0.1:4566", null, null, null,
                Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", REAL_SECRET)))) {
            assertEquals(Optional.of("test"), t.settings().secretKey());
            assertFalse(t.settings().toSystemProperties().toString().contains(REAL_SECRET));
            assertEquals("endpoint http://127.0.0.1:4566", t.settings().ledgerKey());
        }
        try (Target t = Targets.open(new TargetRequest("endpoint", null, "eu-west-1", null, null,
                Map.of("AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_ACCESS_KEY_ID", "ls-key", "AWS_SECRET_ACCESS_KEY", "ls-secret")))) {
            assertEquals(Optional.of("ls-key"), t.settings().accessKeyId(), "an emulator's own keys are kept");
            assertEquals("eu-west-1", t.settings().region());
        }
    }

    @Test
    void theAwsTargetResolvesKeysInTheJavaSessionNotThroughProperties() {
        try (Target t = Targets.open(new TargetRequest("aws", null, null, "learner", null,
                Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", REAL_SECRET)))) {
            TargetSettings s = t.settings();
            assertTrue(s.isRealAccount());
            assertEquals("eu-central-1", s.region());
            assertEquals(Optional.of("learner"), s.profile());
            assertTrue(s.secretKey().isEmpty() && s.accessKeyId().isEmpty());
            assertFalse(s.toSystemProperties().toString().contains(REAL_SECRET));
            assertEquals("aws", s.ledgerKey());
        }
    }

    @Test
    void badUrlsAndUnknownNamesAreOneClearLine() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () ->
                Targets.open(new TargetRequest("endpoint", "localhost:4566", null, null, null, Map.of())));
        assertEquals("'localhost:4566' is not an http(s) URL (e.g. http://localhost:4566)", bad.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () ->
                Targets.open(new TargetRequest("localstak", null, null, null, null, Map.of())));
        assertTrue(unknown.getMessage().startsWith("unknown target 'localstak'"));
    }
}
