package io.awstutor.sandbox.iam;

import java.time.Instant;

/** A user's console password: only a salted hash is kept, and never shown. */
public record LoginProfile(String userName, String passwordHash, Instant created, boolean passwordResetRequired) {

    public LoginProfile withUserName(String newUserName) {
        return new LoginProfile(newUserName, passwordHash, created, passwordResetRequired);
    }

    @Override
    public String toString() {
        return "LoginProfile[userName=" + userName + ", passwordResetRequired=" + passwordResetRequired + "]";
    }
}
