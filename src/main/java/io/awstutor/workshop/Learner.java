package io.awstutor.workshop;

/**
 * A learner of the workshop: the name they gave (attacker-controlled text: escaped wherever
 * shown), their account in the shared sandbox, and the hash of their token (the token
 * itself is theirs alone).
 */
public record Learner(String id, String name, String accountId, String tokenHash, long joinedAt) {
    @Override
    public String toString() {
        return "Learner[" + id + ", " + name + ", " + accountId + "]";
    }
}
