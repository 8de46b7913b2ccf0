package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.AwsException;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Console passwords (login profiles) and the account's password policy. A password is
 * checked against the policy (or AWS's default one) and kept only as a salted PBKDF2 hash.
 */
public final class LoginProfiles {
    private final IamBackend backend;

    LoginProfiles(IamBackend backend) {
        this.backend = backend;
    }

    public LoginProfile create(String accountId, String userName, String password, boolean resetRequired) {
        IamValidation.length("password", password, 1, 128);
        return backend.write(accountId, account -> {
            IamUser user = account.requireUser(userName);
            if (account.loginProfiles.containsKey(IamAccount.key(userName))) {
                throw IamErrors.alreadyExists("Login Profile for user " + user.name() + " already exists.");
            }
            checkPolicy(account.passwordPolicy, password);
            LoginProfile profile = new LoginProfile(user.name(), hash(password), backend.now(), resetRequired);
            account.loginProfiles.put(IamAccount.key(userName), profile);
            return profile;
        });
    }

    /**
     * Console sign-in: the user, when {@code password} is the one their login profile holds.
     * Empty for an unknown account or user, a user without a login profile, or a wrong
     * password alike, so that a sign-in page cannot tell which one was wrong.
     */
    public Optional<IamUser> signIn(String accountId, String userName, String password) {
        if (userName == null || password == null || userName.isEmpty() || userName.length() > 128) {
            return Optional.empty();
        }
        Optional<LoginProfile> profile;
        Optional<IamUser> user;
        try {
            user = backend.users().find(accountId, userName);
            profile = user.isEmpty() ? Optional.empty() : backend.read(accountId,
                    account -> Optional.ofNullable(account.loginProfiles.get(IamAccount.key(userName))));
        } catch (AwsException unknownAccount) {
            return Optional.empty();
        }
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        return matches(profile.get().passwordHash(), password) ? user : Optional.empty();
    }

    private static boolean matches(String stored, String password) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return java.security.MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public LoginProfile get(String accountId, String userName) {
        return backend.read(accountId, account -> require(account, userName));
    }

    public void update(String accountId, String userName, Optional<String> password, Optional<Boolean> resetRequired) {
        password.ifPresent(p -> IamValidation.length("password", p, 1, 128));
        backend.write(accountId, account -> {
            LoginProfile profile = require(account, userName);
            if (password.isPresent()) {
                checkPolicy(account.passwordPolicy, password.get());
            }
            account.loginProfiles.put(IamAccount.key(userName), new LoginProfile(profile.userName(),
                    password.map(LoginProfiles.this::hash).orElse(profile.passwordHash()), profile.created(),
                    resetRequired.orElse(profile.passwordResetRequired())));
            return null;
        });
    }

    public void delete(String accountId, String userName) {
        backend.write(accountId, account -> {
            require(account, userName);
            account.loginProfiles.remove(IamAccount.key(userName));
            return null;
        });
    }

    public Optional<PasswordPolicy> passwordPolicy(String accountId) {
        return backend.read(accountId, account -> Optional.ofNullable(account.passwordPolicy));
    }

    public void setPasswordPolicy(String accountId, PasswordPolicy policy) {
        IamValidation.range("minimumPasswordLength", policy.minimumPasswordLength(), 6, 128);
        if (policy.maxPasswordAge() != null) {
            IamValidation.range("maxPasswordAge", policy.maxPasswordAge(), 1, 1095);
        }
        if (policy.passwordReusePrevention() != null) {
            IamValidation.range("passwordReusePrevention", policy.passwordReusePrevention(), 1, 24);
        }
        backend.write(accountId, account -> {
            account.passwordPolicy = policy;
            return null;
        });
    }

    public void deletePasswordPolicy(String accountId) {
        backend.write(accountId, account -> {
            if (account.passwordPolicy == null) {
                throw noPasswordPolicy(accountId);
            }
            account.passwordPolicy = null;
            return null;
        });
    }

    static AwsException noPasswordPolicy(String accountId) {
        return IamErrors.noSuchEntity("The Password Policy with domain name " + accountId + " cannot be found.");
    }

    private static LoginProfile require(IamAccount account, String userName) {
        IamUser user = account.requireUser(userName);
        LoginProfile profile = account.loginProfiles.get(IamAccount.key(userName));
        if (profile == null) {
            throw IamErrors.noSuchEntity("Login Profile for User " + user.name() + " cannot be found.");
        }
        return profile;
    }

    /**
     * Without a policy, AWS's default applies: at least 8 characters and three of the four
     * character kinds. With one, each of its rules is checked in turn.
     */
    private static void checkPolicy(PasswordPolicy policy, String password) {
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean symbol = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        int minimum = policy == null ? 8 : policy.minimumPasswordLength();
        if (password.length() < minimum) {
            throw violation("Password should have a minimum length of " + minimum);
        }
        if (policy == null) {
            int kinds = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
            if (kinds < 3) {
                throw violation("Password should contain at least three of: uppercase letters, lowercase letters, numbers, symbols");
            }
            return;
        }
        if (policy.requireUppercaseCharacters() && !upper) {
            throw violation("Password should have at least one uppercase letter");
        }
        if (policy.requireLowercaseCharacters() && !lower) {
            throw violation("Password should have at least one lowercase letter");
        }
        if (policy.requireNumbers() && !digit) {
            throw violation("Password should have at least one number");
        }
        if (policy.requireSymbols() && !symbol) {
            throw violation("Password should have at least one symbol");
        }
    }

    private static AwsException violation(String message) {
        return AwsException.badRequest("PasswordPolicyViolation", message);
    }

    private String hash(String password) {
        byte[] salt = backend.ids().salt();
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 10_000, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "pbkdf2-sha256$10000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }
}
