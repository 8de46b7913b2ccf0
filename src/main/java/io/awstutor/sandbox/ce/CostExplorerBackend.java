package io.awstutor.sandbox.ce;

import io.awstutor.sandbox.billing.Bill;
import io.awstutor.sandbox.billing.CostExpression;
import io.awstutor.sandbox.billing.CostLine;
import io.awstutor.sandbox.protocol.AwsException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cost Explorer's answers from the sandbox's own bill: costs and usage by day or month,
 * optionally grouped by up to two dimensions or tags, and a forecast of what the rest of
 * a period costs if everything keeps running as it does now.
 */
public final class CostExplorerBackend {
    static final Set<String> METRICS = Set.of("AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost",
            "NormalizedUsageAmount", "UnblendedCost", "UsageQuantity");

    private final Bill bill;

    public CostExplorerBackend(Bill bill) {
        this.bill = bill;
    }

    public Bill bill() {
        return bill;
    }

    /** A time period of the answer, [start, end), and whether it is still going on. */
    public record Period(LocalDate start, LocalDate end, boolean estimated) {
    }

    /** A group's (or the total's) sums: cost in USD, usage quantity, and the unit when all its lines share one. */
    public record Sums(double cost, double quantity, String unit) {
    }

    public record Result(Period period, Sums total, Map<List<String>, Sums> groups) {
    }

    /** One GroupBy: DIMENSION or TAG, and its key. */
    public record GroupBy(String type, String key) {
        String of(CostLine line) {
            return type.equals("TAG") ? key + "$" + line.tags().getOrDefault(key, "") : CostExpression.dimension(line, key);
        }
    }

    public List<Result> costAndUsage(String account, LocalDate start, LocalDate end, String granularity, List<GroupBy> groupBy,
                                     Predicate<CostLine> filter) {
        checkPeriod(start, end);
        if (groupBy.size() > 2) {
            throw AwsException.badRequest("ValidationException", "You can group by at most two dimensions or tags.");
        }
        bill.refresh();
        List<Result> results = new ArrayList<>();
        for (Period period : periods(start, end, granularity)) {
            List<CostLine> lines = bill.lines(account, period.start(), period.end()).stream().filter(filter).toList();
            Map<List<String>, List<CostLine>> grouped = new LinkedHashMap<>();
            if (!groupBy.isEmpty()) {
                for (CostLine line : lines) {
                    grouped.computeIfAbsent(groupBy.stream().map(g -> g.of(line)).toList(), k -> new ArrayList<>()).add(line);
                }
            }
            Map<List<String>, Sums> groups = new LinkedHashMap<>();
            grouped.forEach((keys, groupLines) -> groups.put(keys, sums(groupLines)));
            results.add(new Result(period, sums(lines), groups));
        }
        return results;
    }

    /** The forecast per period of [start, end), from today on; the total is their sum. */
    public List<Map.Entry<Period, Double>> forecast(String account, LocalDate start, LocalDate end, String granularity,
                                                    Predicate<CostLine> filter) {
        checkPeriod(start, end);
        LocalDate today = LocalDate.ofInstant(bill.now(), ZoneOffset.UTC);
        if (start.isBefore(today)) {
            throw AwsException.badRequest("ValidationException", "Start date must be equal to or later than the current date ("
                    + today + "): a forecast looks ahead; GetCostAndUsage reports the past.");
        }
        bill.refresh();
        List<Map.Entry<Period, Double>> out = new ArrayList<>();
        for (Period period : periods(start, end, granularity)) {
            double soFar = bill.lines(account, period.start(), period.end()).stream().filter(filter).mapToDouble(CostLine::costUsd).sum();
            double ahead = bill.forecastUsd(account, period.end().atStartOfDay(ZoneOffset.UTC).toInstant(), filter)
                    - bill.forecastUsd(account, period.start().atStartOfDay(ZoneOffset.UTC).toInstant(), filter);
            out.add(Map.entry(period, soFar + ahead));
        }
        return out;
    }

    private static Sums sums(List<CostLine> lines) {
        double cost = lines.stream().mapToDouble(CostLine::costUsd).sum();
        double quantity = lines.stream().mapToDouble(CostLine::quantity).sum();
        List<String> units = lines.stream().map(CostLine::unit).distinct().toList();
        return new Sums(cost, quantity, units.size() == 1 ? units.get(0) : "N/A");
    }

    private List<Period> periods(LocalDate start, LocalDate end, String granularity) {
        LocalDate today = LocalDate.ofInstant(bill.now(), ZoneOffset.UTC);
        List<Period> periods = new ArrayList<>();
        LocalDate from = start;
        while (from.isBefore(end)) {
            LocalDate next = switch (granularity) {
                case "DAILY" -> from.plusDays(1);
                case "MONTHLY" -> from.withDayOfMonth(1).plusMonths(1);
                case "HOURLY" -> throw AwsException.badRequest("ValidationException",
                        "Hourly granularity is an opt-in feature of Cost Explorer that the awstutor sandbox does not offer; use DAILY or MONTHLY.");
                default -> throw AwsException.badRequest("ValidationException", "Granularity must be DAILY, MONTHLY or HOURLY, not " + granularity + ".");
            };
            LocalDate to = next.isAfter(end) ? end : next;
            periods.add(new Period(from, to, !to.isBefore(today)));
            from = to;
        }
        return periods;
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (!start.isBefore(end)) {
            throw AwsException.badRequest("ValidationException", "Start date (and hour) should be before end date (and hour)");
        }
    }
}
