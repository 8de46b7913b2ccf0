package io.awstutor.workshop.join;

import java.net.URI;

/**
 * A learner's place in a workshop, kept in the tutor's home (owner-only: it holds their
 * token and their account's secret key) so the shell comes back to the same account after a
 * restart or a lost connection.
 */
public record Membership(String server, String code, String workshop, String learnerId, String learnerName, String token,
                         String accountId, String accessKeyId, String secretAccessKey, String region) {

    public URI serverUri() {
        return URI.create(server);
    }

    /** Never the token or the secret key. */
    @Override
    public String toString() {
        return "Membership[" + workshop + " at " + server + ", " + learnerName + ", account " + accountId + "]";
    }
}
