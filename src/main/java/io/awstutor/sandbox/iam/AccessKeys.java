package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users' access keys: at most two each, Active or Inactive, the secret shown once. */
public final class AccessKeys {
    static final int MAX_KEYS_PER_USER = 2;

    private final IamBackend backend;

    AccessKeys(IamBackend backend) {
        this.backend = backend;
    }

    public AccessKey create(String accountId, String userName) {
        return backend.write(accountId, account -> {
            IamUser user = account.requireUser(userName);
            long owned = account.accessKeys.values().stream().filter(k -> k.userName().equalsIgnoreCase(userName)).count();
            if (owned >= MAX_KEYS_PER_USER) {
                throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS_PER_USER);
            }
            AccessKey key = new AccessKey(backend.ids().accessKey(), backend.ids().secret(), user.name(), true, backend.now());
            account.accessKeys.put(key.id(), key);
            backend.indexKey(key.id(), accountId);
            return key;
        });
    }

    public Page<AccessKey> list(String accountId, String userName, Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            account.requireUser(userName);
            List<AccessKey> keys = new ArrayList<>();
            for (AccessKey key : account.accessKeys.values()) {
                if (key.userName().equalsIgnoreCase(userName)) {
                    keys.add(key);
                }
            }
            keys.sort(java.util.Comparator.comparing(AccessKey::id));
            return Page.of(keys, AccessKey::id, marker, maxItems);
        });
    }

    public void update(String accountId, String userName, String accessKeyId, String status) {
        boolean active = switch (status) {
            case "Active" -> true;
            case "Inactive" -> false;
            default -> throw ValidationErrors.invalid(status, "status",
                    ValidationErrors.oneOf(java.util.List.of("Active", "Inactive", "Expired")));
        };
        backend.write(accountId, account -> {
            AccessKey key = owned(account, userName, accessKeyId);
            account.accessKeys.put(key.id(), key.withActive(active));
            return null;
        });
    }

    public void delete(String accountId, String userName, String accessKeyId) {
        backend.write(accountId, account -> {
            AccessKey key = owned(account, userName, accessKeyId);
            account.accessKeys.remove(key.id());
            backend.unindexKey(key.id());
            return null;
        });
    }

    /** The key's owner and last use; a key never used answers "N/A" for service and region, as AWS does. */
    public LastUsed lastUsed(String accountId, String accessKeyId) {
        AccessKey key = backend.read(accountId, account -> account.accessKeys.get(accessKeyId));
        if (key == null) {
            throw AwsException.forbidden("AccessDenied", "The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return new LastUsed(key.userName(), backend.keyUse(accessKeyId));
    }

    public record LastUsed(String userName, Optional<KeyUse> use) {
    }

    private static AccessKey owned(IamAccount account, String userName, String accessKeyId) {
        account.requireUser(userName);
        AccessKey key = account.accessKeys.get(accessKeyId);
        if (key == null || !key.userName().equalsIgnoreCase(userName)) {
            throw IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return key;
    }
}
