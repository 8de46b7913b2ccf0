package io.awstutor.cost;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What one billable call would cost if left running: per hour and per month for a resource
 * billed by the hour, or a usage price otherwise; and what the free tier covers.
 *
 * @param what      the resource in a learner's words ("1 × t3.micro EC2 instance")
 * @param hourlyUsd the price per hour while it runs, when it is billed by the hour
 * @param usage     the price when billed by use instead ("USD 0.085 per GB served")
 * @param freeTier  what the free tier covers of it, or why it does not
 */
public record Estimate(String what, OptionalDouble hourlyUsd, String usage, String freeTier) {

    public double monthlyUsd(double hoursPerMonth) {
        return hourlyUsd.orElse(0) * hoursPerMonth;
    }

    /** One line: "1 × t3.micro EC2 instance: about USD 0.0104 an hour, USD 7.59 a month if left running". */
    public String priceLine(double hoursPerMonth) {
        StringBuilder sb = new StringBuilder(what).append(": ");
        if (hourlyUsd.isPresent()) {
            sb.append("about ").append(usd(hourlyUsd.getAsDouble())).append(" an hour, ")
                    .append(usd(monthlyUsd(hoursPerMonth))).append(" a month if left running");
            if (usage != null && !usage.isBlank()) {
                sb.append(" (").append(usage).append(')');
            }
        } else {
            sb.append(usage == null || usage.isBlank() ? "price unknown" : usage);
        }
        return sb.toString();
    }

    public static String usd(double amount) {
        if (amount != 0 && Math.abs(amount) < 0.1) {
            return String.format(Locale.ROOT, "USD %.4f", amount);
        }
        return String.format(Locale.ROOT, "USD %.2f", amount);
    }
}
