package io.awstutor.sandbox.secretsmanager;

import java.time.Instant;
import java.util.List;

/**
 * One version of a secret's value: a string or a binary (base64, as the JSON protocol carries
 * it), and the staging labels that point at it (AWSCURRENT, AWSPREVIOUS, the caller's own).
 * A version with no label is deprecated: kept, but no longer listed. Its value never appears
 * in {@link #toString()}.
 */
public record SecretVersion(String versionId, String secretString, String secretBinary, List<String> stages, Instant createdDate) {

    public SecretVersion {
        stages = List.copyOf(stages);
    }

    SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, secretString, secretBinary, newStages, createdDate);
    }

    boolean sameValue(String string, String binary) {
        return java.util.Objects.equals(secretString, string) && java.util.Objects.equals(secretBinary, binary);
    }

    @Override
    public String toString() {
        return "SecretVersion[" + versionId + ", " + stages + ", value ****]";
    }
}
