package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * SES's state and rules, per account and region: identities and sending. Every account is
 * in SES's own "sandbox" (as a new AWS account is): the sender and every recipient must be
 * verified identities, except the mailbox simulator's addresses, and at most
 * {@value #MAX_24_HOUR_SEND} recipients a day. The sending rate (1 a second) is reported but
 * not enforced, so that a learner's quick second try is not refused for speed alone.
 */
public final class SesBackend {
    static final int MAX_24_HOUR_SEND = 200;
    static final int MAX_SEND_RATE = 1;
    static final int MAX_RECIPIENTS = 50;
    /** Kept per region for inspection; older messages fall off. */
    static final int KEPT_MESSAGES = 1000;

    /** Who signs the verification requests SES mails, as on AWS. */
    public static final String VERIFICATION_SENDER = "no-reply-aws@amazon.com";
    /** Where a verification link points, under the sandbox's own address. */
    public static final String VERIFY_PATH = "/_aws/ses/verify";

    private final SandboxContext context;
    private final boolean autoVerify;
    private final Map<String, SesRegionState> regions = new HashMap<>();
    private final SesStore store;

    /** A page of identities and the token of the next. */
    public record Page(List<String> identities, Optional<String> nextToken) {
    }

    public record Quota(int max24HourSend, int maxSendRate, int sentLast24Hours) {
    }

    public record DataPoint(Instant timestamp, int deliveryAttempts, int bounces, int complaints, int rejects) {
    }

    /**
     * @param autoVerify verify identities the moment they are asked for (emulator behaviour,
     *                   for scripts); otherwise as AWS: by the mailed link, or the domain's record
     */
    public SesBackend(SandboxContext context, boolean autoVerify) {
        this.context = context;
        this.autoVerify = autoVerify;
        this.store = context.dataDirFor("ses").map(SesStore::new).orElse(null);
        if (store != null) {
            for (SesRegionState state : store.load()) {
                regions.put(key(state.accountId, state.region), state);
            }
        }
    }

    // ---- identities

    /**
     * Asks to verify an address: it stays Pending, and SES mails it a message whose link
     * ({@code linkBase} + {@value #VERIFY_PATH}) verifies it. Asking again for an address not
     * yet verified mails a new link (the old one stops working); a verified one is left as is.
     */
    public synchronized void verifyEmail(String account, String region, String address, String linkBase) {
        EmailAddress parsed;
        try {
            parsed = EmailAddress.parse(address);
        } catch (AwsException e) {
            throw AwsException.badRequest("InvalidParameterValue", "Invalid email address<" + (address == null ? "" : address) + ">.");
        }
        change(account, region, state -> {
            Identity existing = state.identities.get(parsed.identity());
            if (existing != null && existing.statusAt(context.now()) == Identity.Status.Success) {
                return existing;
            }
            if (autoVerify) {
                return state.put(new Identity(parsed.identity(), Identity.Type.EmailAddress, context.now(), null,
                        Identity.Status.Success, null));
            }
            String link = token().replaceAll("[^A-Za-z0-9]", "");
            Identity pending = state.put(new Identity(parsed.identity(), Identity.Type.EmailAddress, context.now(), null,
                    Identity.Status.Pending, link));
            state.keep(VerificationMessage.compose(messageId(context.now()), context.now(), region, parsed.identity(),
                    linkBase + VERIFY_PATH + "?token=" + link));
            return pending;
        });
    }

    /** The token a domain's owner would publish as a TXT record at {@code _amazonses.<domain>}. */
    public synchronized String verifyDomain(String account, String region, String domain) {
        String name = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}")) {
            throw AwsException.badRequest("InvalidParameterValue", "Invalid domain name " + domain + ".");
        }
        return change(account, region, state -> {
            Identity existing = state.identities.get(name);
            if (existing != null && existing.type() == Identity.Type.Domain && existing.statusAt(context.now()) != Identity.Status.Failed) {
                return existing;
            }
            return state.put(new Identity(name, Identity.Type.Domain, context.now(), token(),
                    autoVerify ? Identity.Status.Success : Identity.Status.Pending, null));
        }).verificationToken();
    }

    /** What a verification link confirmed. */
    public record Confirmation(String account, String region, String identity) {
    }

    /**
     * Follows a verification link: the address it was mailed for becomes verified. Empty when
     * no pending request has that link (an old link, or one past its 24 hours).
     */
    public synchronized Optional<Confirmation> confirm(String linkToken) {
        if (linkToken == null || linkToken.isEmpty()) {
            return Optional.empty();
        }
        for (SesRegionState state : regions.values()) {
            for (Identity identity : state.identities.values()) {
                if (linkToken.equals(identity.linkToken()) && identity.statusAt(context.now()) == Identity.Status.Pending) {
                    change(state.accountId, state.region, s -> s.identities.put(identity.name(), identity.verified()));
                    return Optional.of(new Confirmation(state.accountId, state.region, identity.name()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The sandbox's stand-in for DNS: the domain's owner has published its TXT record, so
     * SES finds it and the domain is verified (the console offers this; there is no DNS to edit).
     */
    public synchronized void publishDomainRecord(String account, String region, String domain) {
        change(account, region, state -> {
            Identity identity = state.identities.get(normalize(domain));
            if (identity == null || identity.type() != Identity.Type.Domain) {
                throw AwsException.badRequest("InvalidParameterValue", "No domain identity " + domain + " in " + region + ".");
            }
            return state.identities.put(identity.name(), identity.verified());
        });
    }

    /** The status SES reports for the identity now. */
    public Identity.Status status(Identity identity) {
        return identity.statusAt(context.now());
    }

    /** Every identity of the account in the region, in the order they were asked for. */
    public synchronized List<Identity> identities(String account, String region) {
        return List.copyOf(state(account, region).identities.values());
    }

    public synchronized Page listIdentities(String account, String region, Identity.Type type, String nextToken,
                                            Integer maxItems) {
        int max = maxItems == null ? 1000 : maxItems;
        if (max < 1 || max > 1000) {
            throw AwsException.badRequest("InvalidParameterValue", "MaxItems must be between 1 and 1000.");
        }
        List<String> names = state(account, region).identities.values().stream()
                .filter(i -> type == null || i.type() == type).map(Identity::name).toList();
        var page = io.awstutor.sandbox.protocol.KeyedPages.page(names, name -> name, Optional.ofNullable(nextToken), max,
                () -> AwsException.badRequest("InvalidNextToken", "The NextToken is not valid."));
        return new Page(page.items(), page.next());
    }

    /** The identities among {@code names} that exist (SES leaves the others out of its answer). */
    public synchronized List<Identity> identities(String account, String region, Collection<String> names) {
        SesRegionState state = state(account, region);
        List<Identity> found = new ArrayList<>();
        for (String name : names) {
            Identity identity = state.identities.get(normalize(name));
            if (identity != null) {
                found.add(identity);
            }
        }
        return found;
    }

    /** Deleting an identity that isn't there succeeds, as it does on AWS. */
    public synchronized void deleteIdentity(String account, String region, String name) {
        change(account, region, state -> state.identities.remove(normalize(name)));
    }

    // ---- sending

    /**
     * Accepts a message or refuses it as SES's sandbox does: the sender, then each recipient
     * that is not the simulator's, must be verified in this region (by address or domain).
     */
    public synchronized SentMessage send(String account, String region, String source, List<String> recipients,
                                         String subject, String text, String html) {
        EmailAddress from = EmailAddress.parse(source);
        List<EmailAddress> to = new ArrayList<>();
        for (String recipient : recipients) {
            to.add(EmailAddress.parse(recipient));
        }
        if (to.isEmpty()) {
            throw AwsException.badRequest("InvalidParameterValue", "Missing required header 'To'.");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw AwsException.badRequest("InvalidParameterValue", "Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        SesRegionState state = state(account, region);
        Set<String> failed = new LinkedHashSet<>();
        if (!verified(state, from)) {
            failed.add(from.identity());
        }
        for (EmailAddress recipient : to) {
            if (!recipient.isSimulator() && !verified(state, recipient)) {
                failed.add(recipient.identity());
            }
        }
        if (!failed.isEmpty()) {
            throw AwsException.badRequest("MessageRejected", "Email address is not verified. The following identities failed the check in region "
                    + region.toUpperCase(Locale.ROOT) + ": " + String.join(", ", failed));
        }
        Instant now = context.now();
        if (state.sentSince(now.minus(Duration.ofHours(24))) + to.size() > MAX_24_HOUR_SEND) {
            throw AwsException.badRequest("Throttling", "Daily message quota exceeded.");
        }
        SentMessage message = new SentMessage(messageId(now), now, from.identity(),
                to.stream().map(EmailAddress::identity).toList(), subject, text, html);
        return change(account, region, s -> {
            s.keep(message);
            for (EmailAddress recipient : to) {
                s.deliveries.add(new SesRegionState.Delivery(now, SesRegionState.outcome(recipient)));
            }
            s.deliveries.removeIf(d -> d.at().isBefore(now.minus(Duration.ofDays(14))));
            return message;
        });
    }

    public synchronized Quota quota(String account, String region) {
        SesRegionState state = state(account, region);
        return new Quota(MAX_24_HOUR_SEND, MAX_SEND_RATE, state.sentSince(context.now().minus(Duration.ofHours(24))));
    }

    /** The last two weeks in 15-minute data points, as GetSendStatistics reports them. */
    public synchronized List<DataPoint> statistics(String account, String region) {
        Instant since = context.now().minus(Duration.ofDays(14));
        TreeMap<Instant, int[]> buckets = new TreeMap<>();
        for (SesRegionState.Delivery delivery : state(account, region).deliveries) {
            if (delivery.at().isBefore(since)) {
                continue;
            }
            long quarter = delivery.at().truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 900 * 900;
            int[] counts = buckets.computeIfAbsent(Instant.ofEpochSecond(quarter), k -> new int[3]);
            counts[0]++;
            if (delivery.outcome() == SesRegionState.Outcome.BOUNCE) {
                counts[1]++;
            } else if (delivery.outcome() == SesRegionState.Outcome.COMPLAINT) {
                counts[2]++;
            }
        }
        List<DataPoint> points = new ArrayList<>();
        buckets.forEach((at, c) -> points.add(new DataPoint(at, c[0], c[1], c[2], 0)));
        return points;
    }

    /** What SES accepted (and mailed itself, to verify addresses) in this account and region, oldest first (at most {@value #KEPT_MESSAGES}). */
    public synchronized List<SentMessage> messages(String account, String region) {
        return List.copyOf(state(account, region).messages);
    }

    /** Every region's accepted messages, oldest first within a region, for the mailbox view. */
    public synchronized Map<String, List<SentMessage>> messagesByRegion() {
        Map<String, List<SentMessage>> out = new TreeMap<>();
        for (SesRegionState state : regions.values()) {
            out.computeIfAbsent(state.region, r -> new ArrayList<>()).addAll(state.messages);
        }
        return out;
    }

    /** One accepted message as the sandbox's usage meter counts it: SES bills each recipient. */
    public record Sending(String account, String region, String messageId, Instant at, int recipients) {
    }

    /** Every account's accepted messages (those still kept), for the usage meter. */
    public synchronized List<Sending> sendings() {
        List<Sending> out = new ArrayList<>();
        for (SesRegionState state : regions.values()) {
            for (SentMessage m : state.messages) {
                if (!sentByAws(m)) {
                    out.add(new Sending(state.accountId, state.region, m.messageId(), m.sentAt(), m.destinations().size()));
                }
            }
        }
        return out;
    }

    /**
     * A message AWS itself sends to the account (a budget alert): it lands in the mailbox
     * like any other, but needs no verified identity, counts against no quota and is not billed.
     */
    public synchronized void deliverNotice(String account, String region, String source, List<String> recipients,
                                           String subject, String body) {
        Instant now = context.now();
        SentMessage message = new SentMessage(messageId(now), now, source, List.copyOf(recipients), subject, body, null);
        change(account, region, s -> {
            s.keep(message);
            return message;
        });
    }

    /** AWS's own mail to the account (verification requests, budget alerts) is not billed to it. */
    private static boolean sentByAws(SentMessage m) {
        return m.source().endsWith("amazonaws.com") || m.source().endsWith("amazon.com");
    }

    // ---- internals

    private boolean verified(SesRegionState state, EmailAddress address) {
        Identity byAddress = state.identities.get(address.identity());
        Identity byDomain = state.identities.get(address.domain());
        Instant now = context.now();
        return (byAddress != null && byAddress.statusAt(now) == Identity.Status.Success)
                || (byDomain != null && byDomain.type() == Identity.Type.Domain && byDomain.statusAt(now) == Identity.Status.Success);
    }

    /** Addresses keep their local part's case; domains (and a domain identity) are lower-cased. */
    private static String normalize(String name) {
        String trimmed = name == null ? "" : name.strip();
        int at = trimmed.lastIndexOf('@');
        return at < 0 ? trimmed.toLowerCase(Locale.ROOT)
                : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** SES's message ids: a hex stamp, a UUID and a counter, 60 characters in all. */
    private static String messageId(Instant now) {
        return String.format("%016x-%s-000000", now.toEpochMilli(), UUID.randomUUID());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes).substring(0, 44);
    }

    private SesRegionState state(String account, String region) {
        return regions.computeIfAbsent(key(account, region), k -> new SesRegionState(account, region));
    }

    private <T> T change(String account, String region, java.util.function.Function<SesRegionState, T> operation) {
        T result = operation.apply(state(account, region));
        if (store != null) {
            store.save(regions.values());
        }
        return result;
    }

    private static String key(String account, String region) {
        return account + "/" + region;
    }
}
