package io.awstutor.sandbox.pricing;

import java.util.List;

/**
 * What the free tier gives each month: {@code limit} {@code unit}s of the usage types it
 * {@code covers}, for 12 months from the account's creation or always.
 *
 * @param usageType the free tier's own name for it ("Global-BoxUsage:freetrial")
 * @param type      "12 Months Free" or "Always Free", as GetFreeTierUsage says
 * @param note      the allowance in a learner's words
 */
public record FreeTierAllowance(String serviceCode, String operation, String usageType, List<String> covers, double limit,
                                String unit, String type, String note) {

    public boolean covers(String usage) {
        return covers.contains(usage);
    }

    /** AWS's description: "750.0 Hrs for free for 12 months as part of AWS Free Usage Tier (Global-BoxUsage:freetrial)". */
    public String description() {
        String period = type.startsWith("12") ? "for 12 months" : "every month";
        return limit + " " + unit + " for free " + period + " as part of AWS Free Usage Tier (" + usageType + ")";
    }
}
