package io.awstutor.check;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

import java.util.List;
import java.util.Optional;

/**
 * A CloudFront distribution in front of an origin exists (enabled or not, deployed or not),
 * or is gone: {@code cloudfront-distribution: {origin: ${prefix}-cdn.s3.amazonaws.com, enabled: true}},
 * {@code {origin: …, gone: true}}. Distributions have no names; the origin identifies it.
 */
public record CloudFrontDistributionCheck(String origin, Optional<Boolean> enabled, Optional<String> status,
                                          boolean gone) implements Check {

    static CloudFrontDistributionCheck parse(Object value) {
        Spec spec = Spec.of("cloudfront-distribution", value, "origin", "enabled", "status", "gone");
        return new CloudFrontDistributionCheck(spec.required("origin"), spec.bool("enabled"), spec.optional("status"),
                spec.bool("gone").orElse(false));
    }

    @Override
    public Verdict run(CheckContext context) {
        String domain = context.substitute(origin);
        try (CloudFrontClient cloudfront = context.clients().cloudfront()) {
            List<DistributionSummary> matching = cloudfront.listDistributionsPaginator().stream()
                    .flatMap(page -> page.distributionList().items().stream())
                    .filter(d -> d.origins() != null && d.origins().items().stream().anyMatch(o -> domain.equalsIgnoreCase(o.domainName())))
                    .toList();
            if (gone) {
                if (matching.isEmpty()) {
                    return context.didThisStep("DeleteDistribution", null) ? Verdict.pass("no distribution in front of " + domain)
                            : Verdict.fail("There is no distribution in front of " + domain + " to delete here (a sandbox starts"
                                    + " empty each session): /catchup builds it again from the earlier steps, then delete it.");
                }
                return Verdict.fail("The distribution " + matching.get(0).id() + " in front of " + domain + " still exists ("
                                + (matching.get(0).enabled() ? "enabled" : "disabled") + ", " + matching.get(0).status() + ").");
            }
            if (matching.isEmpty()) {
                return Verdict.fail("There is no CloudFront distribution with the origin " + domain + " yet.");
            }
            DistributionSummary d = matching.get(0);
            if (enabled.isPresent() && d.enabled() != enabled.get()) {
                return Verdict.fail("The distribution " + d.id() + " is " + (d.enabled() ? "enabled" : "disabled")
                        + "; it should be " + (enabled.get() ? "enabled" : "disabled") + ".");
            }
            if (status.isPresent() && !status.get().equalsIgnoreCase(d.status())) {
                return Verdict.fail("The distribution " + d.id() + " is " + d.status() + ", not yet " + status.get()
                        + " (the waiter waitUntilDistributionDeployed waits for it).");
            }
            return Verdict.pass("distribution " + d.id() + " (" + d.domainName() + ") in front of " + domain);
        }
    }

    @Override
    public String describe() {
        return gone ? "no CloudFront distribution in front of " + origin : "CloudFront distribution in front of " + origin;
    }
}
