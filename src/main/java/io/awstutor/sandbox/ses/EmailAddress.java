package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.Locale;

/**
 * An address as SES reads it: the part inside angle brackets when there is a display name
 * ({@code "Ana <ana@example.com>"}), checked with the messages SES gives for each fault.
 */
record EmailAddress(String local, String domain) {

    /** The simulator's mailboxes, which the SES sandbox lets anyone send to without verifying them. */
    static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";

    static EmailAddress parse(String text) {
        String address = text == null ? "" : text.strip();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).strip();
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            throw AwsException.badRequest("InvalidParameterValue", "Missing final '@domain'");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (domain.isEmpty()) {
            throw AwsException.badRequest("InvalidParameterValue", "Missing domain");
        }
        if (local.isEmpty()) {
            throw AwsException.badRequest("InvalidParameterValue", "Missing local name");
        }
        if (hasControlOrWhitespace(local)) {
            throw AwsException.badRequest("InvalidParameterValue", "Local address contains control or whitespace");
        }
        if (hasControlOrWhitespace(domain)) {
            throw AwsException.badRequest("InvalidParameterValue", "Domain contains control or whitespace");
        }
        return new EmailAddress(local, domain.toLowerCase(Locale.ROOT));
    }

    /** The form identities are kept in: the local part as written (SES treats it as case-sensitive), the domain lower-cased. */
    String identity() {
        return local + "@" + domain;
    }

    boolean isSimulator() {
        return domain.equals(SIMULATOR_DOMAIN);
    }

    private static boolean hasControlOrWhitespace(String text) {
        return text.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
