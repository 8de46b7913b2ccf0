package io.awstutor.sandbox.pricing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product of the price list (an instance type running Linux, a storage class, a kind
 * of request): its SKU, family and attributes as the Price List API lists them, its
 * on-demand price and, for EC2 instances, its reserved terms.
 *
 * @param attributes every attribute, {@code servicecode}, {@code usagetype},
 *                   {@code operation}, {@code regionCode} and {@code location} included
 */
public record PriceListProduct(String serviceCode, String sku, String productFamily, Map<String, String> attributes,
                               OnDemand onDemand, List<Reserved> reserved) {

    /** The price per unit, by usage tier (most products have one tier, S3 storage and CloudFront several). */
    public record OnDemand(String unit, List<Tier> tiers, String description) {
        public double firstTierUsd() {
            return tiers.get(0).usd();
        }
    }

    /** Usage from {@code begin} (inclusive) up to {@code end} units, empty for no limit. */
    public record Tier(double begin, Optional<Double> end, double usd) {
    }

    /**
     * A standard reserved term: 1 or 3 years, paid with no, partial or all upfront; the
     * hourly rate then applies to every hour of the term, used or not.
     */
    public record Reserved(String leaseContractLength, String purchaseOption, double upfrontUsd, double hourlyUsd) {
        public int years() {
            return leaseContractLength.startsWith("3") ? 3 : 1;
        }

        /** What the term costs per hour over its whole length, upfront spread in. */
        public double effectiveHourlyUsd(double hoursPerYear) {
            return hourlyUsd + upfrontUsd / (years() * hoursPerYear);
        }
    }

    public String usageType() {
        return attributes.getOrDefault("usagetype", "");
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
