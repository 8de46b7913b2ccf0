package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFront's state and rules, per account (CloudFront is global): distributions with
 * their ETags and deployment, invalidations, tags. A distribution is deleted only once it is
 * disabled and that change is deployed, as on AWS.
 */
public final class CloudFrontBackend {
    /** Realistic durations (AWS takes minutes), scaled by the sandbox's time scale. */
    static final Duration DEPLOY = Duration.ofSeconds(30);
    static final Duration INVALIDATE = Duration.ofSeconds(10);
    static final int MAX_DISTRIBUTIONS = 200;
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SandboxContext context;
    private final SecureRandom random = new SecureRandom();
    /** By account, then id in creation order (the order ListDistributions answers in). */
    private final Map<String, Map<String, Distribution>> accounts = new LinkedHashMap<>();
    private final Optional<StateFile> file;

    record Stored(List<Distribution> distributions) {
    }

    public record Page<T>(List<T> items, Optional<String> nextMarker) {
    }

    public CloudFrontBackend(SandboxContext context) {
        this.context = context;
        this.file = context.dataDirFor("cloudfront").map(d -> new StateFile(d.resolve("cloudfront.json")));
        file.ifPresent(f -> {
            try {
                f.load(Stored.class).ifPresent(s -> s.distributions().forEach(d ->
                        accounts.computeIfAbsent(d.accountId(), a -> new LinkedHashMap<>()).put(d.id(), d)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Instant now() {
        return context.now();
    }

    /** A new distribution, or the existing one when the same CallerReference comes with the same settings. */
    synchronized Distribution create(String account, DistributionConfig config, Map<String, String> tags) {
        Map<String, Distribution> mine = distributions(account);
        for (Distribution existing : mine.values()) {
            if (existing.config().callerReference().equals(config.callerReference())) {
                if (existing.config().sameAs(config)) {
                    return existing;
                }
                throw AwsException.conflict("DistributionAlreadyExists",
                        "The caller reference that you are using to create a distribution is associated with another distribution.");
            }
        }
        if (mine.size() >= MAX_DISTRIBUTIONS) {
            throw AwsException.badRequest("TooManyDistributions",
                    "Processing your request would cause you to exceed the maximum number of distributions allowed.");
        }
        Instant now = now();
        Distribution created = new Distribution("E" + random(UPPER, 13), account, "d" + random(LOWER, 13) + ".cloudfront.net",
                config, etag(), now, now.plus(context.scaled(DEPLOY)), Map.copyOf(tags), List.of());
        mine.put(created.id(), created);
        save();
        return created;
    }

    synchronized Distribution get(String account, String id) {
        Distribution d = distributions(account).get(id);
        if (d == null) {
            throw CloudFrontErrors.noSuchDistribution();
        }
        return d;
    }

    /** The distribution a viewer reaches at {@code domainName} (any account's: the edge is public). */
    synchronized Optional<Distribution> byDomain(String domainName) {
        return accounts.values().stream().flatMap(m -> m.values().stream())
                .filter(d -> d.domainName().equalsIgnoreCase(domainName)).findFirst();
    }

    synchronized Page<Distribution> list(String account, String marker, int maxItems) {
        return page(new ArrayList<>(distributions(account).values()), Distribution::id, marker, maxItems);
    }

    synchronized Distribution update(String account, String id, String ifMatch, DistributionConfig config) {
        Distribution current = get(account, id);
        checkIfMatch(current, ifMatch);
        if (!current.config().callerReference().equals(config.callerReference())) {
            throw AwsException.badRequest("IllegalUpdate", "The update contains modifications that are not allowed: "
                    + "the CallerReference of a distribution cannot change.");
        }
        Instant now = now();
        Distribution updated = current.withConfig(config, etag(), now, now.plus(context.scaled(DEPLOY)));
        distributions(account).put(id, updated);
        save();
        return updated;
    }

    synchronized void delete(String account, String id, String ifMatch) {
        Distribution current = get(account, id);
        checkIfMatch(current, ifMatch);
        if (current.config().enabled() || current.status(now()).equals("InProgress")) {
            throw AwsException.conflict("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.");
        }
        distributions(account).remove(id);
        save();
    }

    synchronized Invalidation invalidate(String account, String id, String callerReference, List<String> paths) {
        Distribution d = get(account, id);
        for (Invalidation existing : d.invalidations()) {
            if (existing.callerReference().equals(callerReference)) {
                if (existing.paths().equals(paths)) {
                    return existing;
                }
                throw AwsException.badRequest("InvalidArgument",
                        "Your request contains a caller reference that was used for a previous invalidation batch for the same distribution.");
            }
        }
        for (String path : paths) {
            if (!path.startsWith("/") || path.indexOf('*') >= 0 && path.indexOf('*') != path.length() - 1) {
                throw AwsException.badRequest("InvalidArgument", "Your request contains one or more invalid invalidation paths.");
            }
        }
        if (paths.isEmpty()) {
            throw AwsException.badRequest("InvalidArgument", "Your request contains no invalidation paths.");
        }
        Instant now = now();
        Invalidation created = new Invalidation("I" + random(UPPER, 13), callerReference, List.copyOf(paths), now,
                now.plus(context.scaled(INVALIDATE)));
        List<Invalidation> all = new ArrayList<>(d.invalidations());
        all.add(0, created);
        distributions(account).put(id, d.withInvalidations(all));
        save();
        return created;
    }

    synchronized Invalidation invalidation(String account, String distributionId, String id) {
        return get(account, distributionId).invalidations().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(CloudFrontErrors::noSuchInvalidation);
    }

    /** Newest first, as ListInvalidations answers. */
    synchronized Page<Invalidation> invalidations(String account, String distributionId, String marker, int maxItems) {
        return page(get(account, distributionId).invalidations(), Invalidation::id, marker, maxItems);
    }

    synchronized Map<String, String> tags(String account, String arn) {
        return byArn(account, arn).tags();
    }

    synchronized void tag(String account, String arn, Map<String, String> add) {
        Distribution d = byArn(account, arn);
        distributions(account).put(d.id(), d.withTags(CloudFrontTagRules.RULES.merged(d.tags(), add)));
        save();
    }

    synchronized void untag(String account, String arn, List<String> keys) {
        Distribution d = byArn(account, arn);
        Map<String, String> tags = new LinkedHashMap<>(d.tags());
        keys.forEach(tags::remove);
        distributions(account).put(d.id(), d.withTags(tags));
        save();
    }

    private Distribution byArn(String account, String arn) {
        var parsed = Arns.parse(arn).filter(a -> a.service().equals("cloudfront"))
                .orElseThrow(() -> AwsException.badRequest("InvalidArgument", "The parameter Resource is not a valid CloudFront ARN."));
        String resource = parsed.resourceAsString();
        Distribution d = parsed.accountId().orElse("").equals(account) && resource.startsWith("distribution/")
                ? distributions(account).get(resource.substring("distribution/".length())) : null;
        if (d == null) {
            throw AwsException.notFound("NoSuchResource", "The specified resource does not exist.");
        }
        return d;
    }

    private static void checkIfMatch(Distribution current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw CloudFrontErrors.missingIfMatch();
        }
        if (!ifMatch.strip().equals(current.etag())) {
            throw CloudFrontErrors.preconditionFailed();
        }
    }

    private static <T> Page<T> page(List<T> all, java.util.function.Function<T, String> id, String marker, int maxItems) {
        var page = io.awstutor.sandbox.protocol.KeyedPages.page(all, id, Optional.ofNullable(marker), maxItems,
                () -> CloudFrontErrors.invalidArgument("The parameter Marker is not valid."));
        return new Page<>(page.items(), page.next());
    }

    private Map<String, Distribution> distributions(String account) {
        return accounts.computeIfAbsent(account, a -> new LinkedHashMap<>());
    }

    private String etag() {
        return "E" + random(UPPER, 13);
    }

    private String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        List<Distribution> all = new ArrayList<>();
        accounts.values().forEach(m -> all.addAll(m.values()));
        try {
            file.get().save(new Stored(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
