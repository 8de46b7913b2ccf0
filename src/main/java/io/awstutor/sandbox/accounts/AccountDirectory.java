package io.awstutor.sandbox.accounts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The accounts a sandbox holds besides the well-known one ({@code test}/{@code test},
 * 000000000000): each with its own 12-digit id and root key pair, created on demand (a
 * workshop gives one to each learner). The services already keep their state per account,
 * so an account's isolation is AWS's own: another account's bucket name is taken, its
 * bucket is AccessDenied, its IAM, EC2, RDS and SES state is not visible at all.
 *
 * <p>With a data folder the accounts are saved (atomically, owner-only: the file holds the
 * secrets the signatures are checked against) and come back after a restart.
 */
public final class AccountDirectory implements CredentialStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Optional<StateFile> file;
    private final Predicate<String> reserved;
    /** By access key id; guarded by {@code this}. */
    private final Map<String, AccountKeys> byKey = new LinkedHashMap<>();

    /** @param reserved the ids no created account may take (the well-known root account's) */
    public AccountDirectory(Optional<Path> folder, Predicate<String> reserved) {
        this.file = folder.map(f -> new StateFile(f.resolve("accounts.json")));
        this.reserved = reserved;
        file.ifPresent(f -> {
            try {
                f.load(new TypeReference<List<AccountKeys>>() { }).orElse(List.of())
                        .forEach(a -> byKey.put(a.accessKeyId(), a));
            } catch (IOException e) {
                throw new UncheckedIOException("the sandbox's accounts could not be read: " + e.getMessage(), e);
            }
        });
    }

    /** A new account with a fresh id and root key pair. */
    public synchronized AccountKeys create(String label) {
        String accountId;
        do {
            accountId = String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
        } while (reserved.test(accountId) || accountId.startsWith("0000") || idTaken(accountId));
        AccountKeys account = new AccountKeys(accountId, label, "AKIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40));
        byKey.put(account.accessKeyId(), account);
        try {
            save();
        } catch (UncheckedIOException e) {
            byKey.remove(account.accessKeyId()); // an account that would not survive a restart is not handed out
            throw e;
        }
        return account;
    }

    public synchronized List<AccountKeys> all() {
        return new ArrayList<>(byKey.values());
    }

    public synchronized Optional<AccountKeys> byId(String accountId) {
        return byKey.values().stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }

    @Override
    public synchronized Optional<Credential> lookup(String accessKeyId) {
        AccountKeys account = byKey.get(accessKeyId);
        return account == null ? Optional.empty() : Optional.of(Credential.permanent(account.accessKeyId(),
                account.secretAccessKey(), new Caller.Root(account.accountId()), true));
    }

    private boolean idTaken(String accountId) {
        return byKey.values().stream().anyMatch(a -> a.accountId().equals(accountId));
    }

    private void save() {
        file.ifPresent(f -> {
            try {
                f.save(List.copyOf(byKey.values()));
            } catch (IOException e) {
                throw new UncheckedIOException("the sandbox's accounts could not be saved to " + f.path() + ": " + e.getMessage(), e);
            }
        });
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
