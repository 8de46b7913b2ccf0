package io.awstutor.sandbox.secretsmanager;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.KeyedPages;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Secrets Manager's state and rules, per account and region: secrets, their versions and
 * staging labels, and deletion with a recovery window (a secret scheduled for deletion can be
 * described and restored, not read; it is gone once its date passes). Thread-safe: every
 * public method takes the one lock; secrets are immutable records. Values are never logged.
 */
public final class SecretsManagerBackend {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
    /** Services that make secrets of their own (RDS's "rds!db-…") may use '!' as well. */
    private static final Pattern OWNED_NAME = Pattern.compile("[A-Za-z0-9/_+=.@!-]+");
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_VALUE = 65_536;

    private final SandboxContext context;
    private final SecretsStore store;
    private final SecureRandom random = new SecureRandom();
    /** "account/region/name" to its secret. */
    private final Map<String, Secret> secrets = new TreeMap<>();

    public SecretsManagerBackend(SandboxContext context) {
        this.context = context;
        this.store = context.dataDirFor("secretsmanager").map(SecretsStore::new).orElse(null);
        if (store != null) {
            store.load().forEach(s -> secrets.put(key(s.account(), s.region(), s.name()), s));
        }
    }

    /** What CreateSecret asked for; the value is never shown by {@link #toString()}. */
    public record NewSecret(String name, String description, String kmsKeyId, String secretString, String secretBinary,
                            String clientRequestToken, Map<String, String> tags, String owningService) {
        @Override
        public String toString() {
            return "NewSecret[" + name + ", value ****]";
        }
    }

    /** A secret and one of its versions. */
    public record Value(Secret secret, SecretVersion version) {
    }

    public synchronized Value create(String account, String region, NewSecret request) {
        purgeDue();
        validateName(request.name(), request.owningService() != null);
        validateValue(request.secretString(), request.secretBinary());
        Secret existing = secrets.get(key(account, region, request.name()));
        if (existing != null) {
            throw existing.scheduledForDeletion()
                    ? SecretsErrors.invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.")
                    : SecretsErrors.exists(request.name());
        }
        Instant now = context.now();
        String arn = Arns.regional("secretsmanager", region, account, "secret:" + request.name() + "-" + suffix());
        Secret secret = new Secret(account, region, request.name(), arn, request.description(), request.kmsKeyId(),
                request.owningService(), now, now, null, null, request.tags(), List.of());
        SecretVersion version = null;
        if (request.secretString() != null || request.secretBinary() != null) {
            version = new SecretVersion(versionId(request.clientRequestToken()), request.secretString(), request.secretBinary(),
                    List.of(Secret.CURRENT), now);
            secret = secret.withVersion(version, now);
        }
        commit(secret);
        return new Value(secret, version);
    }

    public synchronized Value value(String account, String region, String secretId, String versionId, String stage) {
        Secret secret = find(account, region, secretId);
        if (secret.scheduledForDeletion()) {
            throw SecretsErrors.markedForDeletion();
        }
        SecretVersion version;
        if (versionId != null) {
            version = secret.version(versionId).orElseThrow(() -> SecretsErrors.noValue("VersionId", versionId));
            if (stage != null && !version.stages().contains(stage)) {
                throw SecretsErrors.invalidParameter("You provided a VersionStage that is not associated to the provided VersionId.");
            }
        } else {
            String label = stage == null ? Secret.CURRENT : stage;
            version = secret.staged(label).orElseThrow(() -> SecretsErrors.noValue("staging label", label));
        }
        Instant today = context.now().truncatedTo(ChronoUnit.DAYS);
        if (!today.equals(secret.lastAccessedDate())) {
            secret = secret.accessed(today);
            commit(secret);
        }
        return new Value(secret, version);
    }

    public synchronized Secret describe(String account, String region, String secretId) {
        return find(account, region, secretId);
    }

    /** The ARN a request names (the secret's own when it exists), for the IAM check before the lookup. */
    public synchronized String arnOf(String account, String region, String secretId) {
        if (secretId == null) {
            return Arns.regional("secretsmanager", region, account, "secret:*");
        }
        return lookup(account, region, secretId).map(Secret::arn)
                .orElse(secretId.startsWith("arn:") ? secretId : Arns.regional("secretsmanager", region, account, "secret:" + secretId));
    }

    public synchronized Value put(String account, String region, String secretId, String clientRequestToken, String secretString,
                                  String secretBinary, List<String> stages) {
        if (secretString == null && secretBinary == null) {
            throw SecretsErrors.invalidRequest("You must provide either SecretString or SecretBinary.");
        }
        validateValue(secretString, secretBinary);
        Secret secret = find(account, region, secretId);
        if (secret.scheduledForDeletion()) {
            throw SecretsErrors.markedForDeletion();
        }
        List<String> labels = stages == null || stages.isEmpty() ? List.of(Secret.CURRENT) : List.copyOf(stages);
        if (clientRequestToken != null) {
            Optional<SecretVersion> same = secret.version(clientRequestToken);
            if (same.isPresent()) {
                if (!same.get().sameValue(secretString, secretBinary)) {
                    throw AwsException.badRequest("ResourceExistsException",
                            "You can't modify an existing version, you can only create a new version.");
                }
                return new Value(secret, same.get());
            }
        }
        Instant now = context.now();
        SecretVersion version = new SecretVersion(versionId(clientRequestToken), secretString, secretBinary, labels, now);
        secret = secret.withVersion(version, now);
        commit(secret);
        return new Value(secret, version);
    }

    /** ListSecrets' filters: key (name, description, tag-key, tag-value, owning-service, all) and its values. */
    public record Filter(String key, List<String> values) {
    }

    public synchronized KeyedPages.Page<Secret> list(String account, String region, boolean includePlannedDeletion,
                                                     List<Filter> filters, Optional<String> nextToken, Integer maxResults) {
        purgeDue();
        List<Secret> matching = secrets.values().stream()
                .filter(s -> s.account().equals(account) && s.region().equals(region))
                .filter(s -> includePlannedDeletion || !s.scheduledForDeletion())
                .filter(s -> filters.stream().allMatch(f -> SecretFilters.matches(s, f)))
                .toList();
        return KeyedPages.page(matching, Secret::name, nextToken, maxResults == null ? 100 : maxResults,
                () -> AwsException.badRequest("InvalidNextTokenException", "The NextToken value is invalid."));
    }

    public synchronized Secret delete(String account, String region, String secretId, Long recoveryWindowInDays,
                                      boolean forceDeleteWithoutRecovery) {
        if (recoveryWindowInDays != null && forceDeleteWithoutRecovery) {
            throw SecretsErrors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        long days = recoveryWindowInDays == null ? 30 : recoveryWindowInDays;
        if (days < 7 || days > 30) {
            throw SecretsErrors.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Secret secret = find(account, region, secretId);
        if (secret.scheduledForDeletion() && !forceDeleteWithoutRecovery) {
            throw SecretsErrors.invalidRequest("You tried to perform the operation on a secret that's currently marked deleted.");
        }
        Instant now = context.now();
        Secret scheduled = secret.scheduledFor(forceDeleteWithoutRecovery ? now : now.plus(Duration.ofDays(days)));
        if (forceDeleteWithoutRecovery) {
            remove(scheduled);
        } else {
            commit(scheduled);
        }
        return scheduled;
    }

    public synchronized Secret restore(String account, String region, String secretId) {
        Secret secret = find(account, region, secretId).scheduledFor(null);
        commit(secret);
        return secret;
    }

    // ---- state

    private Secret find(String account, String region, String secretId) {
        purgeDue();
        return lookup(account, region, secretId).orElseThrow(SecretsErrors::notFound);
    }

    /** By name, by full ARN, or by an ARN without its random suffix, as AWS resolves a SecretId. */
    private Optional<Secret> lookup(String account, String region, String secretId) {
        if (secretId == null || secretId.isEmpty()) {
            throw SecretsErrors.invalidParameter("Invalid parameter: SecretId must not be empty.");
        }
        if (!secretId.startsWith("arn:")) {
            return Optional.ofNullable(secrets.get(key(account, region, secretId)));
        }
        return secrets.values().stream().filter(s -> s.account().equals(account) && s.region().equals(region))
                .filter(s -> s.arn().equals(secretId) || (s.arn().substring(0, s.arn().length() - 7)).equals(secretId))
                .findFirst();
    }

    /** Secrets whose recovery window has closed are deleted for good. */
    private void purgeDue() {
        Instant now = context.now();
        List<Secret> due = secrets.values().stream()
                .filter(s -> s.scheduledForDeletion() && !s.deletionDate().isAfter(now)).toList();
        due.forEach(this::remove);
    }

    /** Saves the state with {@code secret} in it, then keeps it: a failed save changes nothing. */
    private void commit(Secret secret) {
        String key = key(secret.account(), secret.region(), secret.name());
        if (store != null) {
            Map<String, Secret> next = new TreeMap<>(secrets);
            next.put(key, secret);
            store.save(next.values());
        }
        secrets.put(key, secret);
    }

    private void remove(Secret secret) {
        String key = key(secret.account(), secret.region(), secret.name());
        if (store != null) {
            Map<String, Secret> next = new TreeMap<>(secrets);
            next.remove(key);
            store.save(next.values());
        }
        secrets.remove(key);
    }

    private static String key(String account, String region, String name) {
        return account + "/" + region + "/" + name;
    }

    private String suffix() {
        StringBuilder out = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            out.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return out.toString();
    }

    private static String versionId(String clientRequestToken) {
        if (clientRequestToken == null) {
            return UUID.randomUUID().toString();
        }
        if (clientRequestToken.length() < 32 || clientRequestToken.length() > 64) {
            throw SecretsErrors.invalidParameter(io.awstutor.sandbox.protocol.ValidationErrors.message(clientRequestToken,
                    "clientRequestToken", "Member must have length between 32 and 64"));
        }
        return clientRequestToken;
    }

    private static void validateName(String name, boolean owned) {
        if (name == null || name.isEmpty() || name.length() > 512 || !(owned ? OWNED_NAME : NAME).matcher(name).matches()) {
            throw SecretsErrors.invalidParameter(
                    "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
        }
    }

    private static void validateValue(String string, String binary) {
        if (string != null && binary != null) {
            throw SecretsErrors.invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if ((string != null && string.length() > MAX_VALUE) || (binary != null && binary.length() * 3L / 4 > MAX_VALUE)) {
            throw SecretsErrors.invalidParameter("The secret value exceeds the maximum size of 65536 bytes.");
        }
    }
}
