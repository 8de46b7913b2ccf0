package io.awstutor.target;

/**
 * Masks secrets (secret access keys, passwords, session tokens) wherever they would be shown
 * or stored: the first four characters stay so a learner can tell two keys apart.
 */
public final class Secrets {
    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "…(" + secret.length() + " chars, hidden)";
    }
}
