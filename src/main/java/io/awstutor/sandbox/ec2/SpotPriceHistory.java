package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.pricing.PriceListProduct;
import io.awstutor.sandbox.pricing.PriceSnapshot;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.OffsetPages;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.regions.Regions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;

/**
 * DescribeSpotPriceHistory: a plausible, reproducible history of spot prices per instance
 * type and availability zone, derived from the price snapshot's on-demand price. Spot
 * prices move slowly and differ by zone; here each zone's price changes every six hours
 * between roughly 30% and 40% of on-demand (a hash of type, zone and time decides where),
 * so the same question always gets the same answer.
 */
final class SpotPriceHistory {
    private static final Duration STEP = Duration.ofHours(6);
    private static final String LINUX = "Linux/UNIX";

    private final Ec2Backend backend;

    SpotPriceHistory(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeSpotPriceHistory", this::describe);
    }

    record Point(String instanceType, String zone, Instant at, double price) {
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeSpotPriceHistory", "*");
        NetworkActions.dryRun(params);
        Instant now = backend.now();
        Instant end = time(params, "EndTime").orElse(now);
        Instant start = time(params, "StartTime").orElse(end.minus(Duration.ofDays(1)));
        if (start.isAfter(end)) {
            throw Ec2Errors.invalidParameterValue("The start time must be before the end time.");
        }
        if (end.isAfter(now)) {
            end = now;
        }
        List<String> types = params.list("InstanceType");
        List<String> descriptions = params.list("ProductDescription");
        if (!descriptions.isEmpty() && descriptions.stream().noneMatch(d -> d.startsWith(LINUX))) {
            types = List.of(); // the snapshot prices Linux only
        }
        String zone = params.optional("AvailabilityZone").orElse(null);
        List<String> zones = Regions.find(call.region()).map(r -> r.zoneNames()).orElse(List.of());
        List<Point> points = new ArrayList<>();
        for (PriceListProduct p : PriceSnapshot.bundled().products("AmazonEC2")) {
            String type = p.attribute("instanceType");
            if (type == null || !types.isEmpty() && !types.contains(type)) {
                continue;
            }
            for (String z : zones) {
                if (zone == null || zone.equals(z)) {
                    points.addAll(history(type, z, p.onDemand().firstTierUsd(), start, end));
                }
            }
        }
        points.sort(Comparator.comparing(Point::at).reversed().thenComparing(Point::instanceType).thenComparing(Point::zone));
        int max = params.integer("MaxResults").orElse(1000);
        var page = OffsetPages.page(points, params.optional("NextToken"), max,
                "DescribeSpotPriceHistory" + types + zone + start + end, "InvalidNextToken");
        xml.start("spotPriceHistorySet");
        for (Point point : page.items()) {
            xml.start("item").element("instanceType", point.instanceType()).element("productDescription", LINUX)
                    .element("spotPrice", BigDecimal.valueOf(point.price()).setScale(6, RoundingMode.HALF_UP).toPlainString())
                    .element("timestamp", point.at().toString()).element("availabilityZone", point.zone()).end();
        }
        xml.end();
        xml.element("nextToken", page.nextToken().orElse(""));
    }

    /** The price in effect at {@code start} and every change up to {@code end}, newest first after sorting. */
    static List<Point> history(String type, String zone, double onDemand, Instant start, Instant end) {
        List<Point> out = new ArrayList<>();
        long first = Math.floorDiv(start.getEpochSecond(), STEP.getSeconds());
        long last = Math.floorDiv(end.getEpochSecond(), STEP.getSeconds());
        for (long step = first; step <= last; step++) {
            Instant at = Instant.ofEpochSecond(step * STEP.getSeconds());
            out.add(new Point(type, zone, at, spot(type, zone, step, onDemand)));
        }
        return out;
    }

    /** Between 30% and 40% of on-demand, the same for the same type, zone and six hours. */
    static double spot(String type, String zone, long step, double onDemand) {
        int hash = (type + "/" + zone + "/" + step).hashCode();
        double fraction = 0.30 + Math.floorMod(hash, 1000) / 10_000.0;
        return onDemand * fraction;
    }

    private static java.util.Optional<Instant> time(QueryParams params, String name) {
        try {
            return params.optional(name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw AwsException.badRequest("InvalidParameterValue", "Invalid value '" + params.get(name) + "' for " + name
                    + ": expected an ISO 8601 time such as 2026-03-20T00:00:00Z.");
        }
    }
}
