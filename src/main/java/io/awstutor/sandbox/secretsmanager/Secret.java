package io.awstutor.sandbox.secretsmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One secret as Secrets Manager keeps it: its name and ARN (the name, a dash and six random
 * characters), the service that owns it when one made it (RDS's managed master passwords),
 * its versions, and the date it is scheduled to be deleted on, if any.
 */
public record Secret(String account, String region, String name, String arn, String description, String kmsKeyId,
                     String owningService, Instant createdDate, Instant lastChangedDate, Instant lastAccessedDate,
                     Instant deletionDate, Map<String, String> tags, List<SecretVersion> versions) {

    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";

    public Secret {
        tags = Map.copyOf(new java.util.LinkedHashMap<>(tags));
        versions = List.copyOf(versions);
    }

    public boolean scheduledForDeletion() {
        return deletionDate != null;
    }

    public Optional<SecretVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public Optional<SecretVersion> staged(String label) {
        return versions.stream().filter(v -> v.stages().contains(label)).findFirst();
    }

    /** The versions that still carry a label, as VersionIdsToStages lists them. */
    public Map<String, List<String>> versionStages() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        versions.stream().filter(v -> !v.stages().isEmpty()).forEach(v -> out.put(v.versionId(), v.stages()));
        return out;
    }

    /**
     * With a new version: it takes {@code labels}; AWSCURRENT moving to it leaves AWSPREVIOUS
     * on the version that was current, as PutSecretValue does.
     */
    Secret withVersion(SecretVersion added, Instant now) {
        List<SecretVersion> next = new ArrayList<>();
        boolean takesCurrent = added.stages().contains(CURRENT);
        for (SecretVersion v : versions) {
            List<String> stages = new ArrayList<>(v.stages());
            stages.removeAll(added.stages());
            if (takesCurrent) {
                stages.remove(PREVIOUS);
                if (v.stages().contains(CURRENT)) {
                    stages.add(PREVIOUS);
                }
            }
            next.add(v.withStages(stages));
        }
        next.add(added);
        return new Secret(account, region, name, arn, description, kmsKeyId, owningService, createdDate, now, lastAccessedDate,
                deletionDate, tags, next);
    }

    Secret accessed(Instant day) {
        return new Secret(account, region, name, arn, description, kmsKeyId, owningService, createdDate, lastChangedDate, day,
                deletionDate, tags, versions);
    }

    Secret scheduledFor(Instant date) {
        return new Secret(account, region, name, arn, description, kmsKeyId, owningService, createdDate, lastChangedDate,
                lastAccessedDate, date, tags, versions);
    }

    @Override
    public String toString() {
        return "Secret[" + arn + ", " + versions.size() + " versions]";
    }
}
