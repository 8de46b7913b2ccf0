package io.awstutor.sandbox.iam;

import java.time.Instant;

/**
 * A user's access key. The secret is needed to verify signatures, so it is kept; it never
 * appears in {@link #toString()} and IAM returns it only once, from CreateAccessKey.
 */
public record AccessKey(String id, String secret, String userName, boolean active, Instant created) {

    public String status() {
        return active ? "Active" : "Inactive";
    }

    public AccessKey withActive(boolean newActive) {
        return new AccessKey(id, secret, userName, newActive, created);
    }

    public AccessKey withUserName(String newUserName) {
        return new AccessKey(id, secret, newUserName, active, created);
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", userName=" + userName + ", status=" + status() + ", secret=****]";
    }
}
