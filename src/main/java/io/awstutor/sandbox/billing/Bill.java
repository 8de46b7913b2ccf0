package io.awstutor.sandbox.billing;

import io.awstutor.sandbox.pricing.PriceListProduct;
import io.awstutor.sandbox.pricing.PriceSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The account's bill as Cost Explorer and Budgets see it: metered usage times the price
 * snapshot's on-demand price, by UTC day. Every region is priced at the snapshot's
 * us-east-1 prices. The free tier is not deducted (the bill shows what the usage is worth;
 * GetFreeTierUsage shows what the free tier covers of it).
 */
public final class Bill {
    private static final Map<String, String> REGION_PREFIX = Map.ofEntries(
            Map.entry("us-east-2", "USE2"), Map.entry("us-west-1", "USW1"), Map.entry("us-west-2", "USW2"),
            Map.entry("ca-central-1", "CAN1"), Map.entry("eu-west-1", "EU"), Map.entry("eu-west-2", "EUW2"),
            Map.entry("eu-west-3", "EUW3"), Map.entry("eu-central-1", "EUC1"), Map.entry("eu-north-1", "EUN1"),
            Map.entry("ap-northeast-1", "APN1"), Map.entry("ap-northeast-2", "APN2"), Map.entry("ap-southeast-1", "APS1"),
            Map.entry("ap-southeast-2", "APS2"), Map.entry("ap-south-1", "APS3"), Map.entry("sa-east-1", "SAE1"));

    private final UsageMeter meter;
    private final java.util.function.Supplier<PriceSnapshot> prices;
    private final Clock clock;

    /** @param prices asked when a price is first needed (the snapshot is parsed lazily) */
    public Bill(UsageMeter meter, java.util.function.Supplier<PriceSnapshot> prices, Clock clock) {
        this.meter = meter;
        this.prices = prices;
        this.clock = clock;
    }

    public PriceSnapshot prices() {
        return prices.get();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Samples the services, so what follows sees the latest state. */
    public void refresh() {
        meter.sample(clock.instant());
    }

    /** The account's cost lines of the days in [from, to), day by day. */
    public List<CostLine> lines(String account, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        List<CostLine> lines = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (start.isAfter(now)) {
                break;
            }
            for (UsageMeter.Usage u : meter.usage(account, start, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now)) {
                lines.add(line(day, u.key(), u.quantity()));
            }
        }
        return lines;
    }

    /** What the account's running and storing resources cost per simulated hour now. */
    public double runRateUsdPerHour(String account, Predicate<CostLine> filter) {
        return runRate(account, filter, CostLine::costUsd);
    }

    /** What the account's running and storing resources accrue per simulated hour now, as {@code measure} counts it. */
    public double runRate(String account, Predicate<CostLine> filter, java.util.function.ToDoubleFunction<CostLine> measure) {
        double total = 0;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var entry : meter.runRates(account).entrySet()) {
            CostLine perHour = line(today, entry.getKey(), entry.getValue());
            if (filter.test(perHour)) {
                total += measure.applyAsDouble(perHour);
            }
        }
        return total;
    }

    /** Calendar hours from now to {@code end} (none if it has passed). */
    public double hoursUntil(Instant end) {
        Instant now = clock.instant();
        return end.isAfter(now) ? Duration.between(now, end).toNanos() / 3.6e12 : 0;
    }

    /**
     * The cost of [now, end) if everything kept running as it does now, hour for hour as on
     * AWS (the forecast does not run at the sandbox's pace: it says what a month would cost).
     */
    public double forecastUsd(String account, Instant end, Predicate<CostLine> filter) {
        return runRateUsdPerHour(account, filter) * hoursUntil(end);
    }

    /** How many simulated hours a real hour is here. */
    public double speed() {
        return meter.speed();
    }

    private CostLine line(LocalDate day, UsageKey key, double quantity) {
        Optional<PriceListProduct> product = prices.get().product(key.serviceCode(), key.usageType(), key.priceAttributes());
        double unitPrice = product.map(p -> p.onDemand().firstTierUsd()).orElse(0.0);
        String unit = product.map(p -> p.onDemand().unit()).orElse("N/A");
        PriceSnapshot.ServiceInfo info = prices.get().services().get(key.serviceCode());
        String service = info == null ? key.serviceCode() : info.costExplorerName();
        String prefix = REGION_PREFIX.get(key.region());
        return new CostLine(day, key.account(), key.region(), key.serviceCode(), service,
                prefix == null ? key.usageType() : prefix + "-" + key.usageType(), key.resourceId(), key.tags(),
                quantity, unit, quantity * unitPrice);
    }
}
