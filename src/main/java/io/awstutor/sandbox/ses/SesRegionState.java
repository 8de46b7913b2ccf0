package io.awstutor.sandbox.ses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One account's SES in one region: its identities, the messages it accepted (the newest
 * {@link SesBackend#KEPT_MESSAGES}), and when each accepted recipient was sent to, for the
 * 24-hour quota and the statistics. Guarded by {@link SesBackend}'s lock.
 */
final class SesRegionState {
    final String accountId;
    final String region;
    final Map<String, Identity> identities = new LinkedHashMap<>();
    final List<SentMessage> messages = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();

    SesRegionState(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    /** One recipient of one accepted message, and what the simulator made of it. */
    record Delivery(Instant at, Outcome outcome) {
    }

    enum Outcome { DELIVERED, BOUNCE, COMPLAINT }

    Identity put(Identity identity) {
        identities.put(identity.name(), identity);
        return identity;
    }

    void keep(SentMessage message) {
        messages.add(message);
        if (messages.size() > SesBackend.KEPT_MESSAGES) {
            messages.remove(0);
        }
    }

    int sentSince(Instant since) {
        return (int) deliveries.stream().filter(d -> !d.at().isBefore(since)).count();
    }

    /** What the mailbox simulator's addresses stand for; every other address is delivered. */
    static Outcome outcome(EmailAddress recipient) {
        if (!recipient.isSimulator()) {
            return Outcome.DELIVERED;
        }
        return switch (recipient.local().toLowerCase(Locale.ROOT)) {
            case "bounce", "suppressionlist" -> Outcome.BOUNCE;
            case "complaint" -> Outcome.COMPLAINT;
            default -> Outcome.DELIVERED;
        };
    }
}
