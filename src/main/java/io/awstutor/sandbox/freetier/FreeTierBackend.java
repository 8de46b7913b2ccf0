package io.awstutor.sandbox.freetier;

import io.awstutor.sandbox.billing.Bill;
import io.awstutor.sandbox.billing.CostLine;
import io.awstutor.sandbox.pricing.FreeTierAllowance;
import io.awstutor.sandbox.pricing.PriceSnapshot;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the account's usage this month counts against each free-tier allowance of the
 * price snapshot, and what it will have counted by the month's end if things keep running.
 * Usage is counted by the usage type it was billed as, without the region prefix.
 */
public final class FreeTierBackend {
    private final Bill bill;

    public FreeTierBackend(Bill bill) {
        this.bill = bill;
    }

    /** One allowance and the account's use of it. */
    public record Usage(FreeTierAllowance allowance, String service, double actual, double forecasted) {
        public double percentage() {
            return allowance.limit() == 0 ? 0 : actual / allowance.limit() * 100;
        }
    }

    public List<Usage> usage(String account) {
        bill.refresh();
        PriceSnapshot prices = bill.prices();
        LocalDate today = LocalDate.ofInstant(bill.now(), ZoneOffset.UTC);
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1);
        List<CostLine> month = bill.lines(account, monthStart, monthEnd);
        double hoursLeft = bill.hoursUntil(monthEnd.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Usage> out = new ArrayList<>();
        for (FreeTierAllowance a : prices.freeTier()) {
            Predicate<CostLine> covered = line -> line.serviceCode().equals(a.serviceCode()) && a.covers(unprefixed(line.usageType()));
            double actual = month.stream().filter(covered).mapToDouble(CostLine::quantity).sum();
            double forecasted = actual + bill.runRate(account, covered, CostLine::quantity) * hoursLeft;
            var info = prices.services().get(a.serviceCode());
            out.add(new Usage(a, info == null ? a.serviceCode() : info.serviceName(), actual, forecasted));
        }
        return out;
    }

    /** "USW2-BoxUsage:t3.micro" is BoxUsage:t3.micro in another region. */
    private static String unprefixed(String usageType) {
        int dash = usageType.indexOf('-');
        int colon = usageType.indexOf(':');
        boolean prefixed = dash > 0 && dash <= 4 && (colon < 0 || dash < colon) && usageType.substring(0, dash).chars().allMatch(
                c -> Character.isUpperCase(c) || Character.isDigit(c));
        return prefixed && !usageType.startsWith("US-") ? usageType.substring(dash + 1) : usageType;
    }
}
